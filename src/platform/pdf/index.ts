export type { PdfDocumentDefinition } from "./render-pdf.js";
export { documentFont, renderPdf } from "./render-pdf.js";
