import { z } from "zod";
import { maxMessageLength } from "../../portal/messages/form.js";
import {
  applicationRoute,
  applicationSchema,
  caseParams,
  errorResponses,
  expectedSeq,
  limits,
} from "../api-schemas.js";

export const provideDocumentsSchema = {
  ...applicationRoute,
  summary: "Send the documents the officer asked for",
  description:
    "When the case waits for documents (`requestedDocuments`), attach a new copy of each with " +
    "`POST .../documents`, then call this to hand them in: the case goes back to the officer and the " +
    "legal clock runs again. 422 `requested_documents_missing` (with `details.missing`) while one is " +
    `not uploaded yet; 409 \`transition_not_allowed\` when nothing was asked for. ${limits}`,
  params: caseParams,
  body: z
    .object({
      expectedSeq,
      message: z.string().max(maxMessageLength).optional().describe("A note to the officer"),
    })
    .strict(),
  response: { 200: applicationSchema, ...errorResponses },
};
