import type { Database, Transaction } from "../../../platform/db/index.js";
import { NotFoundError } from "../../../platform/errors/index.js";
import { recordAudit, takeDeferredRefusalAudit } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { applyEvent, type CaseState } from "./case-state.js";
import { appendEvents, ConcurrentCaseChangeError } from "./event-store.js";
import type { EventActor, PendingCaseEvent } from "./events.js";
import { loadCaseState, saveCaseProjection } from "./projection-repository.js";

export interface CaseDecisionInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  tx: Transaction;
}

export function eventActorOf(context: CasesContext): EventActor {
  const principal = context.principal;
  if (!principal) return { type: "system", id: null };
  if (principal.apiKeyId) return { type: "api_key", id: principal.userId };
  return { type: "user", id: principal.userId };
}

/**
 * The one way a case changes: read its state, let the operation decide which events follow
 * (checking permissions and rules on the state it read), append them under the optimistic lock,
 * update the projection and write the audit record, all in one transaction.
 *
 * `expectedSeq` is the version the person saw: acting on a stale page fails like a lost race.
 */
export async function changeCase(
  context: CasesContext,
  caseId: string,
  expectedSeq: number | undefined,
  action: string,
  decide: (input: CaseDecisionInput) => Promise<PendingCaseEvent[]> | PendingCaseEvent[],
  /** Runs first in the transaction, before the state is read: e.g. takes a lock the change must wait for. */
  before?: (tx: Transaction) => Promise<void>,
  /** Runs last in the transaction, with the case as the change leaves it: a module's own records of the change. */
  after?: (tx: Transaction, next: CaseState) => Promise<void>,
): Promise<CaseState> {
  return auditRefusalAfterRollback(context, () =>
    changeInTransaction(context, caseId, expectedSeq, action, decide, before, after),
  );
}

async function changeInTransaction(
  context: CasesContext,
  caseId: string,
  expectedSeq: number | undefined,
  action: string,
  decide: (input: CaseDecisionInput) => Promise<PendingCaseEvent[]> | PendingCaseEvent[],
  before: ((tx: Transaction) => Promise<void>) | undefined,
  after?: (tx: Transaction, next: CaseState) => Promise<void>,
): Promise<CaseState> {
  return (context.db as Database).transaction(async (tx) => {
    await before?.(tx);
    const current = await loadCaseState(tx, caseId);
    if (!current) throw new NotFoundError("case_not_found");
    if (expectedSeq !== undefined && expectedSeq !== current.lastSeq) throw new ConcurrentCaseChangeError();
    const definition = context.registry.get(current.typeCode, current.typeVersion);
    const bodies = await decide({ state: current, definition, tx });
    const at = context.clock.now();
    const events = await appendEvents(tx, caseId, current.lastSeq, bodies, eventActorOf(context), at);
    const next = events.reduce(
      (state, event) => applyEvent(state, event, definition, context.deadlines),
      current,
    );
    await saveCaseProjection(tx, next);
    await after?.(tx, next);
    await recordAudit(tx, {
      actor: auditActorOf(context),
      action,
      outcome: "success",
      entityType: "case",
      entityId: caseId,
      agencyId: next.agencyId,
      ip: context.ip,
      requestId: context.requestId,
      details: { events: events.map((event) => event.type.replace("case.", "")).join(",") },
    });
    return next;
  });
}

/** Runs a case transaction; a refusal inside it is audited once the transaction has rolled back. */
export async function auditRefusalAfterRollback<T>(
  context: CasesContext,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const refusal = takeDeferredRefusalAudit(error);
    if (refusal) await recordAudit(context.db, refusal);
    throw error;
  }
}

export function auditActorOf(context: CasesContext) {
  const principal = context.principal;
  if (!principal) return { type: "system" as const, id: null };
  if (principal.apiKeyId) return { type: "api_key" as const, id: principal.apiKeyId };
  return { type: "user" as const, id: principal.userId };
}
