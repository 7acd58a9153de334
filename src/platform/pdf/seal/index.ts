export type { SealCheck, SealStatus } from "./check-pdf-seal.js";
export type { DocumentSeal, SealDescription, SealSettings } from "./document-seal.js";
export { createDocumentSeal, demoSealFile } from "./document-seal.js";
export { createSelfSignedSealP12 } from "./seal-certificate.js";
