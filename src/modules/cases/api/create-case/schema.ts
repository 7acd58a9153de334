import { z } from "zod";
import { type answersBody, errorResponses, limits } from "../api-schemas.js";
import { idempotencyHeaders, typeCodeParam } from "../case-api-shared.js";
import { caseStatusSchema } from "../case-status.js";
import { registeredPersonsSchema } from "../registered-persons.js";

const createdCaseSchema = caseStatusSchema.extend({ registeredPersons: registeredPersonsSchema });

/** The answers' schema covers every current case type, so it is built when the routes are. */
export function createCaseSchema(answers: ReturnType<typeof answersBody>) {
  return {
    tags: ["Cases"],
    summary: "Create and submit a case",
    description:
      "Creates a case of this type with the given answers and submits it, in one call: a host registers a " +
      "guest's stay (`stay-registration`, scope `stay-registrations:write`), an employer applies for an " +
      "employee (`work-permits:write`). The answers are checked exactly as on the portal; a type that needs " +
      `documents or a fee cannot be submitted here (422 \`documents_missing\`, \`fee_unpaid\`). The answer tells ` +
      `where each declared person stands in the person register (\`registeredPersons\`). ${limits}`,
    security: [{ apiKey: [] }],
    params: z.object({
      typeCode: typeCodeParam,
    }),
    headers: idempotencyHeaders,
    body: z.object({ answers }).strict(),
    response: { 200: createdCaseSchema, 201: createdCaseSchema, ...errorResponses },
  };
}
