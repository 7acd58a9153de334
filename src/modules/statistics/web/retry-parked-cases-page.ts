import type { FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError, NotFoundError } from "../../../platform/http/index.js";
import { requestOrigin } from "../../access/index.js";
import { retryParkedCasesForAdministrator } from "../parked/retry-parked-cases-for-administrator.js";
import type { StatisticsModule } from "./statistics-module.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * POST /statistics/parked/retry: one case (`caseId`) or all, then back to the list with how many
 * were counted and how many remain (post/redirect/get, so it works without JavaScript).
 */
export async function retryParkedCasesFromPage(
  statistics: StatisticsModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (!request.principal) throw new ForbiddenError();
  const body = (request.body ?? {}) as Record<string, unknown>;
  const caseId = typeof body.caseId === "string" && body.caseId !== "" ? body.caseId : undefined;
  if (caseId !== undefined && !uuidPattern.test(caseId)) throw new NotFoundError("parked_case_not_found");
  const outcome = await retryParkedCasesForAdministrator(
    { ...statistics, principal: request.principal, at: statistics.clock.now(), ...requestOrigin(request) },
    caseId,
  );
  const query = new URLSearchParams({
    retried: String(outcome.retried),
    counted: String(outcome.counted),
    remaining: String(outcome.remaining),
  });
  return reply.redirect(`/statistics/parked?${query}#retry-outcome`, 303);
}
