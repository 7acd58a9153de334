import { createRequire } from "node:module";
import path from "node:path";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans, shipped by the dejavu-fonts-ttf package (Bitstream Vera licence with public-domain
 * DejaVu changes: free to embed and redistribute). It covers Azerbaijani Latin (Ə ə Ğ ğ I ı İ i
 * Ö ö Ş ş Ç ç Ü ü) and Cyrillic, which PDF's standard fonts and pdfmake's Roboto subset do not
 * reliably do, and it comes with npm install, whatever fonts the machine has.
 */
const fontFolder = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const dejaVuSans = {
  normal: path.join(fontFolder, "DejaVuSans.ttf"),
  bold: path.join(fontFolder, "DejaVuSans-Bold.ttf"),
  italics: path.join(fontFolder, "DejaVuSans-Oblique.ttf"),
  bolditalics: path.join(fontFolder, "DejaVuSans-BoldOblique.ttf"),
};

/** The font every Karvan document uses unless its definition names another registered one. */
export const documentFont = "DejaVuSans";

const readableFiles = new Set(Object.values(dejaVuSans).map((file) => path.resolve(file)));

type Pdfmake = typeof import("pdfmake");
let loadedPdfmake: Promise<Pdfmake> | undefined;

/**
 * pdfmake is loaded on the first document, not at start-up: most processes (and test files) never
 * render one. pdfmake 0.3 on Node is one shared instance (0.2's `new PdfPrinter(fonts)` is gone):
 * fonts and access policies are set on it once. Documents may not make pdfmake fetch URLs or read
 * files other than our fonts; images come as data URLs (e.g. from qrPngDataUrl).
 */
function pdfmakeInstance(): Promise<Pdfmake> {
  loadedPdfmake ??= import("pdfmake").then((module) => {
    // A CommonJS module: its functions arrive as the default export.
    const pdfmake = ((module as { default?: Pdfmake }).default ?? module) as Pdfmake;
    pdfmake.setFonts({ [documentFont]: dejaVuSans });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => readableFiles.has(path.resolve(file)));
    return pdfmake;
  });
  return loadedPdfmake;
}

export type PdfDocumentDefinition = TDocumentDefinitions;

/** Lays out a pdfmake document definition and returns the PDF file's bytes. */
export async function renderPdf(definition: PdfDocumentDefinition): Promise<Buffer> {
  const document: TDocumentDefinitions = {
    ...definition,
    defaultStyle: { font: documentFont, ...definition.defaultStyle },
    info: { creator: "Karvan", producer: "Karvan", ...definition.info },
  };
  return (await pdfmakeInstance()).createPdf(document).getBuffer();
}
