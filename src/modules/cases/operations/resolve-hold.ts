import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";
import { issuedDocumentNumber } from "../engine/decision-issued.js";
import type { PendingCaseEvent } from "../engine/events.js";
import { automaticDecisionEvents } from "./submit-application.js";

/** Who may release or confirm a watch-list hold (and see what it matched). */
export const holdReviewPermission = "holds.review";

function reasonText(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > 2000) {
    throw new DomainError("hold_reason_invalid", 422, "cases.errors.hold_reason_invalid", {
      field: "reason",
    });
  }
  return trimmed;
}

/**
 * The officer finds the watch-list hit is not this person (or no longer stands): the hold is
 * released and the case goes on as if nothing had been found. A case type decided on submission
 * gets the system's decision now, as it would have on submission.
 */
export async function releaseHold(
  context: CasesContext,
  caseId: string,
  input: { reason: string; expectedSeq?: number | undefined },
): Promise<CaseState> {
  const reason = reasonText(input.reason);
  return changeCase(
    context,
    caseId,
    input.expectedSeq,
    "case.hold_released",
    async ({ state, definition, tx }) => {
      await authorizeOnCase(context, tx, holdReviewPermission, state, definition);
      if (!state.hold || state.hold.status === "released") {
        throw new ConflictError("no_hold", "cases.errors.no_hold");
      }
      const released: PendingCaseEvent = { type: "case.hold_released", payload: { reason } };
      const automatic = definition.decisionOnSubmission;
      if (!automatic || state.decision) return [released];
      const today = context.deadlines.legalDate(context.clock.now());
      const documentNumber = await issuedDocumentNumber(context, tx, definition, automatic.outcome);
      return [released, ...automaticDecisionEvents(state, definition, today, documentNumber)];
    },
  );
}

/**
 * The officer finds the hit is the listed person: the case stays open with officers, who decide it
 * as any other (a refusal is theirs to draft and approve, never the system's).
 */
export async function confirmHold(
  context: CasesContext,
  caseId: string,
  input: { reason: string; expectedSeq?: number | undefined },
): Promise<CaseState> {
  const reason = reasonText(input.reason);
  return changeCase(
    context,
    caseId,
    input.expectedSeq,
    "case.hold_confirmed",
    async ({ state, definition, tx }) => {
      await authorizeOnCase(context, tx, holdReviewPermission, state, definition);
      if (state.hold?.status !== "open") throw new ConflictError("no_hold", "cases.errors.no_hold");
      return [{ type: "case.hold_confirmed", payload: { reason } }];
    },
  );
}
