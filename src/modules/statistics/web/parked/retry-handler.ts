import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "../../../../platform/errors/index.js";
import { requestOrigin } from "../../../access/index.js";
import { retryParkedCasesForAdministrator } from "../../parked/retry-parked-cases-for-administrator.js";
import type { StatisticsModule } from "../statistics-module.js";

/** One case by its id, or every parked case when none is given. */
const retryForm = z.object({
  caseId: z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? value : undefined),
    z.uuid().optional(),
  ),
});

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
  const form = retryForm.safeParse(request.body ?? {});
  if (!form.success) throw new NotFoundError("parked_case_not_found");
  const caseId = form.data.caseId;
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
