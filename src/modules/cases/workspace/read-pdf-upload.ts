import { randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import {
  type DocumentMediaType,
  DocumentRefusedError,
  type Documents,
  detectDocumentType,
  maxDocumentBytes,
  readMultipartForm,
} from "../../../platform/files/index.js";

export type PdfUploadProblem = "missing" | "tooLarge" | "notPdf";

/**
 * Reads a multipart form with one PDF to look at and forget (a document whose seal is checked):
 * the platform's multipart reader streams each file into a document "store" that here only
 * collects the bytes in memory, within the document size limit, and keeps nothing on disk.
 */
export async function readPdfUpload(
  request: FastifyRequest,
  fieldName: string,
): Promise<{ pdf?: Buffer; problem?: PdfUploadProblem }> {
  const received = new Map<string, Buffer>();
  const inMemory: Documents = {
    async storeDocument(content) {
      const chunks: Buffer[] = [];
      let size = 0;
      const source = content instanceof Uint8Array ? [content] : content;
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > maxDocumentBytes) throw new DocumentRefusedError("too_large");
        chunks.push(Buffer.from(chunk));
      }
      if (size === 0) throw new DocumentRefusedError("empty");
      const bytes = Buffer.concat(chunks);
      const mediaType = detectDocumentType(bytes);
      if (mediaType !== "application/pdf") throw new DocumentRefusedError("type_not_allowed");
      const id = randomBytes(8).toString("hex");
      received.set(id, bytes);
      return { id, mediaType: mediaType as DocumentMediaType, size, sha256: "" };
    },
    async readDocument(id) {
      return received.get(id) ?? Buffer.alloc(0);
    },
    async deleteDocument(id) {
      received.delete(id);
    },
  };
  const form = await readMultipartForm(request, inMemory);
  const refused = form.refused.find((one) => one.fieldName === fieldName);
  if (refused) {
    const reason = refused.error.reason;
    return { problem: reason === "empty" ? "missing" : reason === "too_large" ? "tooLarge" : "notPdf" };
  }
  const file = form.files.find((one) => one.fieldName === fieldName);
  const pdf = file ? received.get(file.document.id) : undefined;
  return pdf ? { pdf } : { problem: "missing" };
}
