import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { qrPngDataUrl } from "../qr/index.js";
import { renderPdf } from "./index.js";

const alphabet = "Ə ə Ğ ğ I ı Ö ö Ş ş Ç ç Ü ü Ж ж Щ щ";

/**
 * Just enough of a PDF reader for our own output with ONE font: pdfkit writes text as hex glyph
 * codes in Flate-compressed content streams and maps the codes back to Unicode in a ToUnicode CMap.
 */
function extractText(pdf: Buffer): string {
  const streams = [...pdf.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map(
    (match) => {
      try {
        return inflateSync(Buffer.from(match[1] ?? "", "latin1")).toString("latin1");
      } catch {
        return "";
      }
    },
  );
  const toUnicode = new Map<string, string>();
  const hex = (code: string) => String.fromCodePoint(Number.parseInt(code, 16));
  for (const cmap of streams.filter((stream) => stream.includes("begincmap"))) {
    for (const [, start, list] of cmap.matchAll(/<([0-9a-f]+)>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) {
      const targets = [...(list ?? "").matchAll(/<([0-9a-f]+)>/gi)].map((target) => hex(target[1] ?? ""));
      targets.forEach((target, index) => {
        toUnicode.set((Number.parseInt(start ?? "", 16) + index).toString(16).padStart(4, "0"), target);
      });
    }
  }
  return streams
    .filter((stream) => stream.includes(" TJ"))
    .flatMap((stream) => [...stream.matchAll(/<([0-9a-f]+)>/gi)].map((match) => match[1] ?? ""))
    .map((codes) =>
      (codes.match(/.{4}/g) ?? []).map((code) => toUnicode.get(code.toLowerCase()) ?? "?").join(""),
    )
    .join("");
}

describe("PDF documents", () => {
  it("renders Azerbaijani and Cyrillic letters with the embedded DejaVu Sans font", async () => {
    const pdf = await renderPdf({ content: [{ text: alphabet }] });

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-8).toString("latin1")).toContain("%%EOF");
    const bytes = pdf.toString("latin1");
    expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
    expect(bytes).toContain("/FontFile2");
    expect(bytes).toContain("/ToUnicode");
    // One font in this document, so one code-to-Unicode map: the letters can be read back.
    expect(extractText(pdf).replace(/\s+/g, " ").trim()).toBe(alphabet);
  });

  it("has the bold face too", async () => {
    const pdf = await renderPdf({ content: [{ text: "Qərar", bold: true }] });
    expect(pdf.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(extractText(pdf)).toBe("Qərar");
  });

  it("embeds a QR code given as a data URL", async () => {
    const pdf = await renderPdf({
      content: [{ image: await qrPngDataUrl("https://karvan.example.az/v/ABC123"), width: 96 }],
    });
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image/);
  });

  it("refuses to read local files or fetch addresses named in a document", async () => {
    await expect(renderPdf({ content: [{ image: "/etc/passwd" }] })).rejects.toThrow(/access policy/);
    await expect(
      renderPdf({ content: [{ image: "logo" }], images: { logo: "https://example.org/logo.png" } }),
    ).rejects.toThrow(/access policy/);
  });
});
