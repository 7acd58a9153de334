import { z } from "zod";
import { applicationRoute, caseParams, errorResponses, limits } from "../api-schemas.js";

const languageQuery = z.object({
  language: z
    .enum(["az", "en", "ru"])
    .optional()
    .describe("Language of the document; the language of the request when left out"),
});

export function decisionDocumentSchema(kind: "decision" | "permit") {
  return {
    ...applicationRoute,
    summary: kind === "decision" ? "Download the decision letter" : "Download the permit",
    description: `${
      kind === "decision"
        ? "The decision letter (PDF, as an attachment) once the decision is issued; 404 before. "
        : "The permit or certificate (PDF, as an attachment) a positive decision issued, with its QR " +
          "verification code; 404 when none was issued. "
    }Needs the type's read or write scope. ${limits}`,
    produces: ["application/pdf"],
    params: caseParams,
    querystring: languageQuery,
    response: errorResponses,
  };
}
