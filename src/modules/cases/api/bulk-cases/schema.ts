import { z } from "zod";
import { maxCasesPerRequest } from "../../operations/create-submitted-cases.js";
import { type answersBody, errorResponses, limits } from "../api-schemas.js";
import { idempotencyHeaders } from "../case-api-shared.js";
import { caseStatusSchema } from "../case-status.js";
import { registeredPersonsSchema } from "../registered-persons.js";

const createdCaseSchema = caseStatusSchema.extend({ registeredPersons: registeredPersonsSchema });

export interface BulkCaseRoute {
  url: string;
  typeCode: string;
  tag: string;
  summary: string;
  description: string;
}

export function bulkCasesSchema(route: BulkCaseRoute, answers: ReturnType<typeof answersBody>) {
  return {
    tags: [route.tag],
    summary: route.summary,
    description:
      `${route.description} Up to ${maxCasesPerRequest} items, all or nothing: when any item has a problem, ` +
      `nothing is created and the 422 answer lists every problem with its item's index. ${limits}`,
    security: [{ apiKey: [] }],
    headers: idempotencyHeaders,
    body: z
      .object({ items: z.array(z.object({ answers }).strict()).min(1).max(maxCasesPerRequest) })
      .strict(),
    response: {
      200: z.object({ cases: z.array(createdCaseSchema) }),
      201: z.object({ cases: z.array(createdCaseSchema).describe("In the order of the items") }),
      ...errorResponses,
    },
  };
}
