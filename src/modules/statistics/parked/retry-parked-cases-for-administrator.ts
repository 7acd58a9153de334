import { actorOf, type Principal, recordAudit } from "../../access/index.js";
import { countParkedCases } from "../facts/parked-case-repository.js";
import { retryParkedCases } from "../facts/retry-parked-cases.js";
import type { StatisticsContext } from "../statistics-context.js";

export interface ParkedRetryOutcome {
  retried: number;
  /** Those of the retried cases that went through and are now in the statistics. */
  counted: number;
  /** Every case still parked after the retry (the retried ones that failed again and the others). */
  remaining: number;
}

/**
 * An administrator's retry from the parked-cases page: one case, or every parked case when
 * `caseId` is absent. Audited, as it changes what the statistics count.
 */
export async function retryParkedCasesForAdministrator(
  context: StatisticsContext & { principal: Principal; at: Date; ip?: string; requestId?: string },
  caseId?: string,
): Promise<ParkedRetryOutcome> {
  const result = await retryParkedCases(context, {
    at: context.at,
    ...(caseId ? { caseIds: [caseId] } : {}),
  });
  const outcome = {
    retried: result.retried,
    counted: result.retried - result.stillParked.length,
    remaining: await countParkedCases(context.db),
  };
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "statistics.parked.retried",
    outcome: "success",
    entityType: caseId ? "case" : "stat_parked_cases",
    entityId: caseId,
    ip: context.ip,
    requestId: context.requestId,
    details: outcome,
  });
  return outcome;
}
