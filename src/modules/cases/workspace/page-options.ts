import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../../platform/errors/index.js";
import type { Guard } from "../../access/index.js";
import { uuid } from "./ids.js";

/** The address of a case file and of the forms on it. */
export const caseParams = z.object({ id: uuid });
export type CaseParams = { Params: z.output<typeof caseParams> };

/** Options of a workspace page: behind `guard`, left out of the API description. */
export function staffPage(guard: Guard) {
  return { preHandler: guard, schema: { hide: true } };
}

/**
 * Options of a workspace page whose address holds ids. One that is no UUID answers as an unknown
 * id does (404 with `notFoundCode`), and only after the guard, so that someone signed out is still
 * sent to sign in: hence `attachValidation` rather than Fastify's 400 before the guard.
 */
export function staffPageWithIds(guard: Guard, params: { schema: z.ZodObject; notFoundCode: string }) {
  return {
    preHandler: [guard, refuseMalformedIds(params.notFoundCode)],
    schema: { hide: true, params: params.schema },
    attachValidation: true,
  };
}

function refuseMalformedIds(notFoundCode: string) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.validationError) throw new NotFoundError(notFoundCode);
  };
}
