import type { FastifyRequest } from "fastify";
import { detectDocumentType, maxDocumentBytes, readUploadInMemory } from "../../../platform/files/index.js";

export type PdfUploadProblem = "missing" | "tooLarge" | "notPdf";

/** Reads a multipart form with one PDF to look at and forget (a document whose seal is checked). */
export async function readPdfUpload(
  request: FastifyRequest,
  fieldName: string,
): Promise<{ pdf?: Buffer; problem?: PdfUploadProblem }> {
  const upload = await readUploadInMemory(request, fieldName, {
    maxBytes: maxDocumentBytes,
    accept: (bytes) => detectDocumentType(bytes) === "application/pdf",
  });
  if (upload.bytes) return { pdf: upload.bytes };
  const reason = upload.refused;
  return {
    problem: reason === "too_large" ? "tooLarge" : reason === "type_not_allowed" ? "notPdf" : "missing",
  };
}
