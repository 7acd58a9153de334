import type { Database } from "../../../platform/db/index.js";
import { actorOf, decide, type Principal, recordAudit } from "../../access/index.js";
import { listParkedCasesForReview, type ParkedCaseForReview } from "../facts/parked-case-repository.js";

export interface ParkedCaseReviewContext {
  db: Database;
  principal: Principal;
  ip?: string | undefined;
  requestId?: string | undefined;
}

export interface ParkedCaseUnderReview extends ParkedCaseForReview {
  /** The case file, when the viewer may open it (`cases.read` on its agency); otherwise null. */
  caseHref: string | null;
}

/** More than a page of parked cases means a systemic cause: the page says so and the search narrows it. */
export const parkedCasesShown = 200;

/**
 * The parked cases for an administrator (the guard checked `statistics.manage`). Their errors may
 * quote personal data (a refused birth date), so every view is written to the audit trail.
 */
export async function reviewParkedCases(
  context: ParkedCaseReviewContext,
  options: { numberContains?: string },
): Promise<{ cases: ParkedCaseUnderReview[]; more: boolean }> {
  const found = await listParkedCasesForReview(context.db, {
    ...options,
    limit: parkedCasesShown + 1,
  });
  const cases = found.slice(0, parkedCasesShown).map((parked) => ({
    ...parked,
    caseHref: mayOpenCase(context.principal, parked) ? `/cases/${parked.caseId}` : null,
  }));
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "statistics.parked.viewed",
    outcome: "success",
    entityType: "stat_parked_cases",
    ip: context.ip,
    requestId: context.requestId,
    details: { shown: cases.length, searched: Boolean(options.numberContains?.trim()) },
  });
  return { cases, more: found.length > parkedCasesShown };
}

function mayOpenCase(principal: Principal, parked: ParkedCaseForReview): boolean {
  if (!parked.caseNumber) return false;
  return decide(principal, "cases.read", {
    entityType: "case",
    entityId: parked.caseId,
    agencyId: parked.agencyId,
  }).allowed;
}
