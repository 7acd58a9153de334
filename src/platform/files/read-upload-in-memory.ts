import { randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { DocumentMediaType } from "./document-types.js";
import { type DocumentRefusal, DocumentRefusedError, type Documents } from "./documents.js";
import { type MultipartForm, readMultipartForm } from "./multipart-forms.js";

/**
 * Reads a multipart form whose one file is to be looked at and forgotten (a CSV to import, a PDF
 * whose seal is checked), not a document to keep: the platform's multipart reader streams every
 * file into a document store, and here that "store" only collects the bytes in memory, within
 * `maxBytes`, and keeps nothing on disk. `accept` may refuse the content by its bytes.
 */
export async function readUploadInMemory(
  request: FastifyRequest,
  fieldName: string,
  rules: { maxBytes: number; accept?: (bytes: Buffer) => boolean },
): Promise<{ fields: MultipartForm["fields"]; bytes?: Buffer; refused?: DocumentRefusal }> {
  const received = new Map<string, Buffer>();
  const inMemory: Documents = {
    async storeDocument(content) {
      const chunks: Buffer[] = [];
      let size = 0;
      const source = content instanceof Uint8Array ? [content] : content;
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > rules.maxBytes) throw new DocumentRefusedError("too_large");
        chunks.push(Buffer.from(chunk));
      }
      if (size === 0) throw new DocumentRefusedError("empty");
      const bytes = Buffer.concat(chunks);
      if (rules.accept && !rules.accept(bytes)) throw new DocumentRefusedError("type_not_allowed");
      const id = randomBytes(8).toString("hex");
      received.set(id, bytes);
      // Not a stored document: nobody reads its type; the caller checks the bytes it gets.
      return { id, mediaType: "application/octet-stream" as DocumentMediaType, size, sha256: "" };
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
  if (refused) return { fields: form.fields, refused: refused.error.reason };
  const file = form.files.find((one) => one.fieldName === fieldName);
  const bytes = file ? received.get(file.document.id) : undefined;
  return bytes ? { fields: form.fields, bytes } : { fields: form.fields, refused: "empty" };
}
