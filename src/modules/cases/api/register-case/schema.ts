import { z } from "zod";
import { type answersBody, errorResponses, limits } from "../api-schemas.js";
import { idempotencyHeaders, typeCodeParam } from "../case-api-shared.js";
import { caseStatusSchema } from "../case-status.js";

/** The answers' schema covers the staff-registered case types, so it is built when the routes are. */
export function registerCaseSchema(answers: ReturnType<typeof answersBody>) {
  return {
    tags: ["Cases"],
    summary: "Register a case (staff)",
    description:
      "An officer registers a case of a type officers register (an asylum application, a return order) " +
      "for a person who may have no account, with the same answers the workspace's form takes; the case " +
      "is submitted at once. Needs a staff session (CSRF token in `x-csrf-token`) holding the type's " +
      "register permission (403 otherwise, audited); a type officers do not register answers 404. " +
      `The answers are checked exactly as on the other channels (422 \`answers_invalid\`). ${limits}`,
    params: z.object({ typeCode: typeCodeParam }),
    headers: idempotencyHeaders,
    body: z.object({ answers }).strict(),
    response: { 200: caseStatusSchema, 201: caseStatusSchema, ...errorResponses },
  };
}
