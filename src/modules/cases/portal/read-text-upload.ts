import { randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import {
  type DocumentMediaType,
  DocumentRefusedError,
  type Documents,
  type MultipartForm,
  readMultipartForm,
} from "../../../platform/files/index.js";

/** A CSV file of guests is small: its 500 lines fit well under 1 MB. */
export const maxTextUploadBytes = 1024 * 1024;

export type TextUploadProblem = "missing" | "tooLarge" | "notText";

/**
 * Reads a multipart form whose file is plain text (a CSV), not a document to keep. The platform's
 * multipart reader streams every file into a document store; here the "store" only collects the
 * bytes in memory, within a size limit, and keeps nothing. The text must be UTF-8.
 */
export async function readTextUpload(
  request: FastifyRequest,
  fieldName: string,
): Promise<{ fields: MultipartForm["fields"]; text?: string; problem?: TextUploadProblem }> {
  const received = new Map<string, Buffer>();
  const inMemory: Documents = {
    async storeDocument(content) {
      const chunks: Buffer[] = [];
      let size = 0;
      const source = content instanceof Uint8Array ? [content] : content;
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > maxTextUploadBytes) throw new DocumentRefusedError("too_large");
        chunks.push(Buffer.from(chunk));
      }
      if (size === 0) throw new DocumentRefusedError("empty");
      const id = randomBytes(8).toString("hex");
      received.set(id, Buffer.concat(chunks));
      // Not a stored document: the type is never read by anyone, the bytes are checked below.
      return { id, mediaType: "text/csv" as unknown as DocumentMediaType, size, sha256: "" };
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
  if (refused)
    return { fields: form.fields, problem: refused.error.reason === "empty" ? "missing" : "tooLarge" };
  const file = form.files.find((one) => one.fieldName === fieldName);
  const bytes = file ? received.get(file.document.id) : undefined;
  if (!bytes) return { fields: form.fields, problem: "missing" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { fields: form.fields, problem: "notText" };
  }
  // A NUL character does not occur in a text file: this is a spreadsheet or another binary.
  if (text.includes("\u0000")) return { fields: form.fields, problem: "notText" };
  return { fields: form.fields, text };
}
