import { z } from "zod";
import { errorResponses, limits } from "../api-schemas.js";
import { typeCodeParam } from "../case-api-shared.js";
import { caseStatusSchema } from "../case-status.js";

const caseId = z.uuid().describe("The case id returned when the case was created");

export const readCaseSchema = {
  tags: ["Cases"],
  summary: "Status of a case",
  description:
    "Where one of your own cases stands: its state, legal deadline, documents asked for and, once issued, " +
    "the decision. Another account's case answers 404. Needs the type's read or write scope " +
    `(\`stay-registrations:read\`, \`work-permits:read\`...). ${limits}`,
  security: [{ apiKey: [] }],
  params: z.object({ id: caseId }),
  response: { 200: caseStatusSchema, ...errorResponses },
};

export const readCaseOfTypeSchema = {
  tags: ["Cases"],
  summary: "Status of a case of a given type",
  description:
    "As `GET /api/v1/cases/{id}`, at the address that names the case's type (the one it was created at, " +
    "e.g. `/api/v1/cases/stay-registration/{id}`). A case of another type answers 404, as a case that " +
    `does not exist. ${limits}`,
  security: [{ apiKey: [] }],
  params: z.object({
    typeCode: typeCodeParam,
    id: caseId,
  }),
  response: { 200: caseStatusSchema, ...errorResponses },
};
