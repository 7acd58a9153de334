import { inflateSync } from "node:zlib";

/** One piece of text as a PDF page draws it: where it starts and what it says. */
export interface PdfTextRun {
  page: number;
  x: number;
  y: number;
  text: string;
}

interface PdfObject {
  dictionary: string;
  stream: Buffer | undefined;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString("latin1");
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)\bendobj/g)) {
    const body = match[2] ?? "";
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dictionary: body, stream: undefined });
      continue;
    }
    const dictionary = body.slice(0, streamAt);
    const raw = Buffer.from(
      body.slice(body.indexOf("\n", streamAt) + 1).replace(/\r?\n?endstream\s*$/, ""),
      "latin1",
    );
    let stream = raw;
    if (dictionary.includes("/FlateDecode")) {
      try {
        stream = inflateSync(raw);
      } catch {
        stream = Buffer.alloc(0);
      }
    }
    objects.set(Number(match[1]), { dictionary, stream });
  }
  return objects;
}

function reference(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

/** Glyph code (hex) → Unicode text, from a font's ToUnicode CMap. */
function toUnicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hex = (code: string) =>
    (code.match(/.{4}/g) ?? []).map((unit) => String.fromCharCode(Number.parseInt(unit, 16))).join("");
  for (const [, start, list] of cmap.matchAll(/<([0-9a-f]+)>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) {
    // A ligature maps to several characters: <0066 0069> is "fi".
    [...(list ?? "").matchAll(/<([0-9a-f\s]+)>/gi)].forEach((target, index) => {
      const code = (Number.parseInt(start ?? "0", 16) + index).toString(16).padStart(4, "0");
      map.set(code, hex((target[1] ?? "").replace(/\s+/g, "")));
    });
  }
  for (const [, code, target] of cmap.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]+)>$/gim)) {
    map.set((code ?? "").toLowerCase(), hex(target ?? ""));
  }
  return map;
}

/**
 * The text runs of a PDF written by pdfkit (pdfmake's engine), one per text object, with the font
 * each was drawn in decoded through that font's own ToUnicode map: enough to check in tests what
 * a generated document says and where, without a PDF library. Not a general PDF reader.
 */
export function pdfTextRuns(pdf: Buffer): PdfTextRun[] {
  const objects = readObjects(pdf);
  const runs: PdfTextRun[] = [];
  const pages = [...objects.values()].filter((object) => /\/Type\s*\/Page\b/.test(object.dictionary));
  pages.forEach((page, pageIndex) => {
    const resourcesRef = reference(page.dictionary, "Resources");
    const resources = resourcesRef ? (objects.get(resourcesRef)?.dictionary ?? "") : page.dictionary;
    const fontDictionary = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? "";
    const fonts = new Map<string, Map<string, string>>();
    for (const [, name, objectNumber] of fontDictionary.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(objectNumber));
      const cmapRef = font ? reference(font.dictionary, "ToUnicode") : undefined;
      const cmap = cmapRef ? objects.get(cmapRef)?.stream?.toString("latin1") : undefined;
      fonts.set(name ?? "", toUnicodeMap(cmap ?? ""));
    }
    const contentRef = reference(page.dictionary, "Contents");
    const content = contentRef ? (objects.get(contentRef)?.stream?.toString("latin1") ?? "") : "";
    // The font is text state: it stays set from one text object to the next until changed.
    let font = new Map<string, string>();
    for (const [block] of content.matchAll(/\bBT\b[\s\S]*?\bET\b/g)) {
      const fontName = /\/(\w+)\s+[\d.]+\s+Tf/.exec(block)?.[1];
      if (fontName) font = fonts.get(fontName) ?? new Map<string, string>();
      const matrix = /([-\d.]+)\s+([-\d.]+)\s+Tm/.exec(block);
      const text = [...block.matchAll(/<([0-9a-f]+)>/gi)]
        .map((hexRun) =>
          ((hexRun[1] ?? "").match(/.{4}/g) ?? [])
            .map((code) => font.get(code.toLowerCase()) ?? "?")
            .join(""),
        )
        .join("");
      runs.push({ page: pageIndex + 1, x: Number(matrix?.[1] ?? 0), y: Number(matrix?.[2] ?? 0), text });
    }
  });
  return runs;
}
