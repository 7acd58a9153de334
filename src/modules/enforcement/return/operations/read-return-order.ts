import { asc, eq } from "drizzle-orm";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { authorize, recordAudit } from "../../../access/index.js";
import {
  availableTransitions,
  type CaseState,
  type CasesContext,
  loadCaseState,
} from "../../../cases/index.js";
import { returnOrder } from "../case-types/return-order.js";
import type { ReturnServices } from "../return-services.js";
import { enforcementReturnOrders, enforcementReturnOutcomes } from "../schema-tables.js";
import { type DepartureStanding, departureStanding } from "../time-limits.js";
import type { ReturnStep } from "./move-return-order.js";

/** An order to leave as its page shows it. */
export interface ReturnOrderFile {
  state: CaseState;
  dueDate: string | null;
  dueAt: string | null;
  standing: DepartureStanding | null;
  entryBanEntryId: string | null;
  /** A departure's outcome says whether return assistance was received (null for the others). */
  outcomes: Array<{
    outcome: string;
    occurredOn: string;
    record: string;
    assistanceReceived: boolean | null;
  }>;
  steps: ReturnStep[];
}

/** The states in which no departure is awaited any more. */
const finished = new Set(["departed", "removed", "cancelled", "absconded"]);

/**
 * Reads an order to leave for a return officer (`return.manage` and `cases.read` on its agency; a
 * refusal is audited): its case, deadline, entry ban and outcomes. The read is audited, as the
 * outcomes' written records are personal data.
 */
export async function readReturnOrder(
  services: ReturnServices,
  context: CasesContext,
  caseId: string,
): Promise<ReturnOrderFile> {
  const state = await loadCaseState(context.db, caseId);
  if (!state || state.typeCode !== returnOrder.code) throw new NotFoundError("return_order_not_found");
  const origin = {
    db: context.db,
    principal: context.principal,
    ip: context.ip,
    requestId: context.requestId,
  };
  const record = { entityType: "case", entityId: state.id, agencyId: state.agencyId, ownerUserId: null };
  await authorize(origin, "return.manage", record);
  await authorize(origin, "cases.read", record);
  const [row] = await context.db
    .select()
    .from(enforcementReturnOrders)
    .where(eq(enforcementReturnOrders.caseId, caseId));
  const outcomes = await context.db
    .select()
    .from(enforcementReturnOutcomes)
    .where(eq(enforcementReturnOutcomes.caseId, caseId))
    .orderBy(asc(enforcementReturnOutcomes.recordedAt));
  await recordAudit(context.db, {
    actor: context.principal ? { type: "user", id: context.principal.userId } : { type: "system", id: null },
    action: "return_order.viewed",
    outcome: "success",
    entityType: "case",
    entityId: caseId,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
  });
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  const today = services.calendar.legalDate(context.clock.now());
  const dueDate = row?.dueDate ?? null;
  return {
    state,
    dueDate,
    dueAt: row?.dueAt ? row.dueAt.toISOString() : null,
    standing:
      dueDate && !finished.has(state.state)
        ? departureStanding(services.law, services.calendar, dueDate, today)
        : null,
    entryBanEntryId: row?.entryBanEntryId ?? null,
    outcomes: outcomes.map((one) => ({
      outcome: one.outcome,
      occurredOn: one.occurredOn,
      record: one.record,
      assistanceReceived: one.assistanceReceived,
    })),
    steps: availableTransitions(state, definition).map((transition) => transition.name as ReturnStep),
  };
}
