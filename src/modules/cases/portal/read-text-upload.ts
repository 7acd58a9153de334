import type { FastifyRequest } from "fastify";
import { type MultipartForm, readUploadInMemory } from "../../../platform/files/index.js";

/** A CSV file of guests is small: its 500 lines fit well under 1 MB. */
export const maxTextUploadBytes = 1024 * 1024;

export type TextUploadProblem = "missing" | "tooLarge" | "notText";

/** Reads a multipart form whose file is plain UTF-8 text (a CSV), not a document to keep. */
export async function readTextUpload(
  request: FastifyRequest,
  fieldName: string,
): Promise<{ fields: MultipartForm["fields"]; text?: string; problem?: TextUploadProblem }> {
  const upload = await readUploadInMemory(request, fieldName, { maxBytes: maxTextUploadBytes });
  const { fields, bytes } = upload;
  if (!bytes) return { fields, problem: upload.refused === "too_large" ? "tooLarge" : "missing" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { fields, problem: "notText" };
  }
  // A NUL character does not occur in a text file: this is a spreadsheet or another binary.
  if (text.includes("\u0000")) return { fields, problem: "notText" };
  return { fields, text };
}
