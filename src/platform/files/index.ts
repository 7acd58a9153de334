export { DocumentCipher } from "./document-cipher.js";
export type { DocumentStore } from "./document-store.js";
export { LocalDiskDocumentStore } from "./document-store.js";
export type { DocumentMediaType } from "./document-types.js";
export { detectDocumentType, documentTypeLabelKey, documentTypes } from "./document-types.js";
export type { DocumentRefusal, Documents, DocumentsOptions, StoredDocument } from "./documents.js";
export {
  createDocuments,
  createLocalDocuments,
  DocumentRefusedError,
  maxDocumentBytes,
} from "./documents.js";
export {
  attachmentDisposition,
  safeDownloadName,
  sendDocumentDownload,
  sendDocumentInline,
} from "./download.js";
export type { MultipartForm, RefusedFile, UploadedFile } from "./multipart-forms.js";
export { multipartLimits, readMultipartForm, registerMultipartForms } from "./multipart-forms.js";
export { readUploadInMemory } from "./read-upload-in-memory.js";
