import { randomUUID } from "node:crypto";
import { DomainError, NotFoundError } from "../../../../platform/errors/index.js";
import { authorize, type Permission } from "../../../access/index.js";
import {
  type CaseState,
  type CasesContext,
  checkStepAnswers,
  loadCaseState,
  type TransitionInput,
  transitionCase,
} from "../../../cases/index.js";
import { returnOrder } from "../case-types/return-order.js";
import type { ReturnServices } from "../return-services.js";
import { enforcementReturnOutcomes } from "../schema-tables.js";
import { departureDeadline, departurePeriodOf } from "../time-limits.js";
import { syncReturnOrder } from "./sync-return-order.js";

/** The steps that record what happened, with the outcome each one records. */
const outcomeOfStep = {
  "record-departure": "departed",
  "order-removal": "removal_ordered",
  "record-removal": "removed",
  "record-absconding": "absconded",
  "person-found": "found",
  cancel: "cancelled",
} as const;

export type ReturnStep = "draft-order" | "approve" | "return" | "notify" | keyof typeof outcomeOfStep;

/** What an officer enters with a step: the decision's reasons or comment, or the outcome's day and written record. */
export interface ReturnStepInput extends Pick<TransitionInput, "reasons" | "comment"> {
  /** The day the outcome happened (YYYY-MM-DD): not after today, not before the order was registered. */
  occurredOn?: string;
  /** The written record of the outcome. */
  record?: string;
  /** A departure: whether the person received return assistance (the statistics count this, not the offer). */
  assistanceReceived?: string;
}

function invalid(code: string): DomainError {
  return new DomainError(code, 422, `returnOrders.errors.${code}`);
}

function checkOutcome(
  input: ReturnStepInput,
  state: CaseState,
  today: string,
): { on: string; record: string } {
  const on = input.occurredOn ?? "";
  const registered = state.legalStartDate ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(on))) throw invalid("outcome_date");
  if (on > today || on < registered) throw invalid("outcome_date");
  const record = (input.record ?? "").trim();
  // Free text about a person: no control or bidirectional characters, a bounded length.
  if (
    record.length === 0 ||
    record.length > 4000 ||
    /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(record.replace(/\r?\n/g, ""))
  )
    throw invalid("outcome_record");
  return { on, record };
}

/**
 * The answers the step's transition declares (a departure: whether return assistance was
 * received), checked by the declaration before anything is written.
 */
function stepAnswersOf(input: ReturnStepInput, step: ReturnStep): Record<string, string> {
  const declared = returnOrder.transitions.find((one) => one.name === step)?.answers ?? [];
  const given =
    input.assistanceReceived === undefined ? {} : { assistanceReceived: input.assistanceReceived };
  return checkStepAnswers(declared, given);
}

/** A refusal inside the step's transaction would be rolled back with it: the permission is checked (and a refusal audited) first. */
async function authorizeStep(context: CasesContext, state: CaseState, step: ReturnStep): Promise<void> {
  const transition = returnOrder.transitions.find((one) => one.name === step);
  if (!transition) throw new DomainError("unknown_transition", 404, "errors.not_found");
  const origin = {
    db: context.db,
    principal: context.principal,
    ip: context.ip,
    requestId: context.requestId,
  };
  const record = { entityType: "case", entityId: state.id, agencyId: state.agencyId, ownerUserId: null };
  await authorize(origin, "return.manage", record);
  await authorize(origin, transition.allowed as Permission, record);
}

/**
 * Moves an order to leave one step along its workflow through the case engine, and in the same
 * transaction (the engine's, as the module's step) records the outcome (its day and written record,
 * and for a departure whether return assistance was received)
 * and brings the return's own records in line: the entry ban on the watch list at approval, the
 * departure deadline at the notice, the ban ended at cancellation. The outcome's day goes on the
 * engine's event too, so that statistics date a return by the day the person left.
 */
export async function moveReturnOrder(
  services: ReturnServices,
  context: CasesContext,
  caseId: string,
  expectedSeq: number | undefined,
  step: ReturnStep,
  input: ReturnStepInput = {},
): Promise<CaseState> {
  const current = await loadCaseState(context.db, caseId);
  if (!current || current.typeCode !== returnOrder.code) throw new NotFoundError("return_order_not_found");
  await authorizeStep(context, current, step);
  const now = context.clock.now();
  const outcome = step in outcomeOfStep ? outcomeOfStep[step as keyof typeof outcomeOfStep] : null;
  const written = outcome ? checkOutcome(input, current, services.calendar.legalDate(now)) : null;
  const stepAnswers = stepAnswersOf(input, step);
  const assistance = stepAnswers.assistanceReceived ?? null;
  // An order to leave has one outcome: the order itself.
  const engineInput: TransitionInput = {
    ...(input.reasons === undefined ? {} : { reasons: input.reasons }),
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    ...(step === "draft-order" ? { outcome: "order-to-leave" } : {}),
    ...(written ? { occurredOn: written.on } : {}),
    // On the step's event, where the statistics read the assistance received.
    ...(Object.keys(stepAnswers).length > 0 ? { stepAnswers } : {}),
    // The departure deadline runs from the notice: the engine keeps it as the case's next due
    // date, so the queues sort, filter and flag it as they do legal deadlines.
    ...(step === "notify"
      ? {
          dueDate: departureDeadline(services.law, services.calendar, now, departurePeriodOf(current.answers))
            .dueDate,
        }
      : {}),
  };
  return transitionCase(context, caseId, expectedSeq, step, engineInput, {
    typeCode: returnOrder.code,
    record: async (tx, state) => {
      if (outcome && written) {
        await tx.insert(enforcementReturnOutcomes).values({
          id: randomUUID(),
          caseId,
          outcome,
          occurredOn: written.on,
          record: written.record,
          assistanceReceived: assistance === null ? null : assistance === "yes",
          recordedBy: context.principal?.userId as string,
          recordedAt: now,
        });
      }
      await syncReturnOrder(services, tx, state, context.principal, now);
    },
  });
}
