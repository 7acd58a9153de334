export type { PdfDocumentDefinition } from "./render-pdf.js";
export { documentFont, renderPdf } from "./render-pdf.js";
export type { DocumentSeal, SealDescription } from "./seal/index.js";
export { createDocumentSeal, createSelfSignedSealP12 } from "./seal/index.js";
