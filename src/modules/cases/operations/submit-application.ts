import type { Queryable } from "../../../platform/db/index.js";
import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import { runSubmissionChecks } from "../checks/submission-checks.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { checkAnswers, requiredDocuments } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";
import { decisionIssued, issuedDocumentNumber } from "../engine/decision-issued.js";
import type { CaseNumberSource } from "../engine/event-store.js";
import type { HoldFinding, PendingCaseEvent } from "../engine/events.js";
import { onceForKey } from "../engine/idempotency.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { type AgenciesByKind, agenciesForTasks, tasksEntering } from "../engine/tasks-on-entry.js";
import { registerCasePersonsNow } from "./person-registration.js";
import { AnswersInvalidError } from "./save-answers.js";

export function feeDue(definition: CaseTypeDefinition, expressTier: string | null): number {
  const tier = expressTier ? definition.fee.expressTiers.find((one) => one.code === expressTier) : undefined;
  return tier?.amountMinor ?? definition.fee.amountMinor;
}

/** Refuses an application that is not a complete, paid draft on `today`. */
function checkSubmission(state: CaseState, definition: CaseTypeDefinition, today: string): void {
  if (state.state !== definition.initialState)
    throw new ConflictError("case_submitted", "cases.errors.case_submitted");
  const checked = checkAnswers(definition, state.answers, today);
  if (checked.problems.length > 0) throw new AnswersInvalidError(checked.problems);
  const attached = new Set(state.documents.map((document) => document.code));
  const missing = requiredDocuments(definition, state.answers).filter((code) => !attached.has(code));
  if (missing.length > 0) {
    throw new DomainError("documents_missing", 422, "cases.errors.documents_missing", { missing });
  }
  if (feeDue(definition, state.expressTier) > 0 && !state.feePaid) {
    throw new DomainError("fee_unpaid", 422, "cases.errors.fee_unpaid");
  }
}

/** What a submission's events depend on besides the case: the day, numbers and agencies. */
export interface SubmissionSetting {
  /** The legal date of submission: the procedure's deadline counts from it. */
  today: string;
  /** The number of the document a decision on submission comes with (see `issuedDocumentSeries`). */
  documentNumber: string | null;
  agencies: AgenciesByKind;
  /** A watch-list hit found by the submission checks: the case waits for an officer, undecided. */
  hold?: HoldFinding | null | undefined;
}

/**
 * The events of a checked application entering the procedure: the submission, the tasks of the
 * first state, and for a case type decided on submission (a registration) the system's decision,
 * unless a submission check held the case: then the hold, and no decision until an officer
 * releases it. Pure: the operation and the demo data both make their events here.
 */
export function submittedEvents(
  state: CaseState,
  definition: CaseTypeDefinition,
  setting: SubmissionSetting,
): PendingCaseEvent[] {
  const { today, documentNumber, agencies, hold } = setting;
  const system = { type: "system", id: null } as const;
  return [
    { type: "case.submitted", payload: { state: definition.submittedState, legalStartDate: today } },
    ...tasksEntering(definition, definition.submittedState, state.agencyId, agencies),
    ...(hold
      ? [{ type: "case.held" as const, payload: hold, actor: system }]
      : automaticDecisionEvents(state, definition, today, documentNumber)),
  ];
}

/** The system's decision on a case type decided on submission (none for other types). */
export function automaticDecisionEvents(
  state: CaseState,
  definition: CaseTypeDefinition,
  today: string,
  documentNumber: string | null,
): PendingCaseEvent[] {
  const automatic = definition.decisionOnSubmission;
  if (!automatic) return [];
  const system = { type: "system", id: null } as const;
  return [
    {
      type: "case.decision_drafted",
      // Decisions are recorded in the state language; the page shows the outcome in the reader's.
      payload: { outcome: automatic.outcome, reasons: automatic.reasons.az },
      actor: system,
    },
    { ...decisionIssued(definition, automatic.outcome, state.answers, today, documentNumber), actor: system },
  ];
}

/**
 * The events of a complete, paid application entering the procedure; refuses an incomplete one.
 * `numberOf` gives the number of a document issued on submission (a batch reserves its numbers);
 * `checked`, the submission checks' finding when the caller ran them already (for a whole batch).
 */
export async function submissionEvents(
  context: CasesContext,
  db: Queryable,
  state: CaseState,
  definition: CaseTypeDefinition,
  numberOf?: CaseNumberSource,
  checked?: { hold: HoldFinding | null },
): Promise<PendingCaseEvent[]> {
  const today = context.deadlines.legalDate(context.clock.now());
  checkSubmission(state, definition, today);
  const automatic = definition.decisionOnSubmission;
  const hold = checked
    ? checked.hold
    : await runSubmissionChecks(context.submissionChecks, db, definition, state.answers);
  return submittedEvents(state, definition, {
    today,
    // A held case is decided later, on release: its document number is drawn then.
    documentNumber:
      automatic && !hold
        ? await issuedDocumentNumber(context, db, definition, automatic.outcome, numberOf)
        : null,
    agencies: await agenciesForTasks(db, definition, definition.submittedState),
    hold,
  });
}

/**
 * The applicant submits: answers complete, documents attached, fee paid. With an idempotency
 * key, pressing submit twice (or an API client retrying) submits once.
 */
export async function submitApplication(
  context: CasesContext,
  caseId: string,
  options: { expectedSeq?: number | undefined; idempotencyKey?: string | undefined } = {},
): Promise<CaseState> {
  const ownerId = context.principal?.apiKeyId ?? context.principal?.userId ?? "anonymous";
  const { caseId: submitted } = await onceForKey(
    context.db,
    context.clock,
    { ownerId, key: options.idempotencyKey, body: { submit: caseId } },
    async () => {
      const state = await changeCase(
        context,
        caseId,
        options.expectedSeq,
        "case.submitted",
        async (input) => {
          await authorizeOnCase(context, input.tx, "applicant", input.state, input.definition);
          const events = await submissionEvents(context, input.tx, input.state, input.definition);
          await registerCasePersonsNow(context.registerPersons, input.tx, [
            { caseId: input.state.id, definition: input.definition, answers: input.state.answers },
          ]);
          return events;
        },
      );
      return { caseId: state.id };
    },
  );
  const state = await loadCaseState(context.db, submitted);
  if (!state) throw new Error(`submitted case ${submitted} has no projection`);
  return state;
}
