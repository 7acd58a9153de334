import { z } from "zod";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import {
  answersBody,
  applicationRoute,
  applicationSchema,
  caseParams,
  errorResponses,
  expectedSeq,
  limits,
} from "../api-schemas.js";
import { whoMayCall } from "../who-may-call.js";

/** The answers' schema covers every current case type, so it is built when the routes are. */
export function saveAnswersSchema(definitions: CaseTypeDefinition[]) {
  return {
    ...applicationRoute,
    summary: "Save one page of answers",
    description:
      "Saves the answers to one page of the case type's form (see its definition on `/services/{code}`), " +
      "checked exactly as on the portal: 422 `answers_invalid` lists a problem per question. Questions " +
      "of other pages are refused; questions that do not apply are dropped. A stale `expectedSeq` " +
      `answers 409 \`case_changed\`. ${whoMayCall} ${limits}`,
    params: caseParams.extend({
      pageId: z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/)
        .describe("Page id of the form"),
    }),
    body: z
      .object({
        answers: answersBody(
          definitions,
          "Answers by question name: text as strings, dates as YYYY-MM-DD, countries as ISO 3166-1 " +
            "alpha-2 codes, an address as { street, city, region, postcode } with region empty or a " +
            "code of the region list (ISO 3166-2:AZ, e.g. AZ-BA).",
          { page: true },
        ),
        expectedSeq,
      })
      .strict(),
    response: { 200: applicationSchema, ...errorResponses },
  };
}
