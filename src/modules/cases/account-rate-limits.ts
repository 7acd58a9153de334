import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";
import { UnauthenticatedError } from "../../platform/errors/index.js";
import { hitRateLimit, type RateLimit, type RateLimitedError } from "../../platform/rate-limits/index.js";

/**
 * Limits per signed-in account, on top of the per-address limits of the routes: an account that
 * changes its address, or many accounts behind one address, are each held to their own share.
 */
export const accountRateLimits = {
  applicantMessages: {
    name: "messages",
    max: 10,
    windowSeconds: 10 * 60,
    code: "too_many_messages",
    messageKey: "cases.errors.too_many_messages",
  },
  /** Officers write to many applicants in a working hour. */
  officerMessages: {
    name: "officer-messages",
    max: 60,
    windowSeconds: 10 * 60,
    code: "too_many_messages",
    messageKey: "cases.errors.too_many_messages",
  },
  uploads: {
    name: "uploads",
    max: 30,
    windowSeconds: 10 * 60,
    code: "too_many_uploads",
    messageKey: "cases.errors.too_many_uploads",
  },
} as const satisfies Record<string, RateLimit>;

/** Counts the request against the signed-in account's limit; RateLimitedError once it is spent. */
export async function countForAccount(
  services: { db: Database; clock: Clock },
  request: FastifyRequest,
  limit: RateLimit,
): Promise<void> {
  const userId = request.principal?.userId;
  if (!userId) throw new UnauthenticatedError();
  await hitRateLimit(services.db, services.clock, limit, userId);
}

/** For a form shown again with the refusal: the header the error page would have sent. */
export function tellRetryAfter(reply: FastifyReply, error: RateLimitedError): FastifyReply {
  return reply.header("retry-after", String(error.retryAfterSeconds));
}
