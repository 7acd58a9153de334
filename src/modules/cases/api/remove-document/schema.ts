import { z } from "zod";
import { applicationRoute, applicationSchema, caseParams, errorResponses, limits } from "../api-schemas.js";

export const removeDocumentSchema = {
  ...applicationRoute,
  summary: "Remove a document",
  description:
    "Removes a document from a draft application and deletes the file. Once submitted, documents " +
    `stay (409 \`case_submitted\`). ${limits}`,
  params: caseParams.extend({ documentId: z.string().min(1).max(100).describe("Document id") }),
  response: { 200: applicationSchema, ...errorResponses },
};
