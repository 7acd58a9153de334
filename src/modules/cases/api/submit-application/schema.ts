import { z } from "zod";
import {
  applicationRoute,
  applicationSchema,
  caseParams,
  errorResponses,
  expectedSeq,
  limits,
} from "../api-schemas.js";
import { registeredPersonsSchema } from "../registered-persons.js";
import { whoMayCall } from "../who-may-call.js";

const submittedSchema = applicationSchema.extend({ registeredPersons: registeredPersonsSchema });

export const submitApplicationSchema = {
  ...applicationRoute,
  summary: "Submit an application",
  description:
    "Submits the draft: every answer complete, every required document attached (422 " +
    "`documents_missing` with `details.missing`), the fee paid (422 `fee_unpaid`). A retry with the " +
    "same `Idempotency-Key` submits nothing new and answers 200 with the application as it is now. " +
    "The legal processing time runs from today. The answer tells where each declared person stands in " +
    `the person register (\`registeredPersons\`). ${whoMayCall} ${limits}`,
  params: caseParams,
  headers: z.looseObject({
    "idempotency-key": z
      .string()
      .min(1)
      .max(200)
      .describe("Any unique string (a UUID) per intended submission"),
  }),
  body: z.object({ expectedSeq }).strict(),
  response: { 200: submittedSchema, 201: submittedSchema, ...errorResponses },
};
