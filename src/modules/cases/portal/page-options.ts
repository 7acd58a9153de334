import type { IncomingMessage } from "node:http";
import type { FastifyReply, FastifyRequest, RawServerDefault, RouteGenericInterface } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError } from "../../../platform/errors/index.js";

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** The request of a page declared with `portalPageWith`, its params typed by their schema. */
export type PageRequest<Params extends z.ZodType> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  IncomingMessage,
  { hide: boolean; params: Params },
  ZodTypeProvider
>;

/** The address of one of the applicant's cases. */
export const caseParams = z.object({ id: z.uuid() });

/**
 * A malformed id in a page's address is a page that does not exist: 404, as for someone else's
 * case, and only after the guard (a signed-out visitor is sent to sign in first).
 */
async function notFoundOnMalformedId(request: FastifyRequest): Promise<void> {
  if (request.validationError) throw new NotFoundError("case_not_found");
}

function rateLimit(max: number | undefined) {
  return max ? { config: { rateLimit: { max, timeWindow: "1 minute" } } } : {};
}

/**
 * Route options of a portal page: for signed-in applicants, hosts and employers only, hidden from
 * the API description and, for a form that changes data or costs work, limited to `max` requests
 * a minute.
 */
export function portalPage(guard: Guard, max?: number) {
  return { preHandler: [guard], schema: { hide: true }, ...rateLimit(max) };
}

/** The same for a page whose address holds ids, checked by `params` (a malformed one is a 404). */
export function portalPageWith<Params extends z.ZodType>(guard: Guard, params: Params, max?: number) {
  return {
    preHandler: [guard, notFoundOnMalformedId],
    attachValidation: true,
    schema: { hide: true, params },
    ...rateLimit(max),
  };
}
