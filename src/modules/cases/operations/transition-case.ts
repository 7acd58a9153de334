import type { Transaction } from "../../../platform/db/index.js";
import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition, GuardName, TransitionDefinition } from "../definition/case-type.js";
import { checkStepAnswers } from "../definition/step-answers.js";
import { requiredDocuments } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";
import { decisionIssued, issuedDocumentNumber } from "../engine/decision-issued.js";
import type { CaseEventBody } from "../engine/events.js";
import { type AgenciesByKind, agenciesForTasks, tasksEntering } from "../engine/tasks-on-entry.js";

/** What a person enters with a transition: a decision, a request for documents, a comment. */
export interface TransitionInput {
  outcome?: string;
  reasons?: string;
  documentCodes?: string[];
  message?: string;
  comment?: string;
  /** The day what the step records happened (YYYY-MM-DD), when recorded afterwards: not after today nor before the case's legal start. */
  occurredOn?: string;
  /**
   * The case's next due date (YYYY-MM-DD) this step sets, in place of its legal time's deadline: a
   * module's own legal time that runs from the step (a return order's departure deadline). Only
   * with the module's step; a day before today is refused (422 `due_date`).
   */
  dueDate?: string;
  /**
   * What the owning module's step records besides its day, as answers by name (a departure: whether
   * return assistance was received), kept on the step's event for statistics. Only with the
   * module's step (422 `step_answers` otherwise), and only as the transition declares them
   * (`answers`, checked by `checkStepAnswers`).
   */
  stepAnswers?: Record<string, string>;
}

/**
 * The owning module's part of a step of a case type with an `actionsPage`: what it records beside
 * the case, written in the step's transaction once the engine's events are stored. Without it the
 * engine refuses such a step, so that no generic page or route moves the case past the module.
 */
export interface ModuleStep {
  typeCode: string;
  record(tx: Transaction, state: CaseState): Promise<void>;
}

export class GuardFailedError extends DomainError {
  constructor(guard: GuardName) {
    super(`guard_${guard}`, 422, `cases.guards.${guard}`);
  }
}

function guardHolds(
  guard: GuardName,
  state: CaseState,
  definition: CaseTypeDefinition,
  actorId: string | null,
): boolean {
  switch (guard) {
    case "mandatoryTasksDone":
      return state.tasks.every((task) => !task.mandatory || task.status !== "open");
    case "documentsComplete": {
      const attached = new Set(state.documents.map((document) => document.code));
      const needed = [...requiredDocuments(definition, state.answers), ...state.requestedDocuments];
      return needed.every((code) => attached.has(code));
    }
    case "feePaid":
      return state.feePaid || definition.fee.amountMinor === 0;
    case "decisionDrafted":
      return state.decision !== null && !state.decision.issued;
    case "fourEyes":
      return (
        state.decision !== null && state.decision.draftedBy !== null && state.decision.draftedBy !== actorId
      );
  }
}

function effectEvents(
  transition: TransitionDefinition,
  state: CaseState,
  definition: CaseTypeDefinition,
  input: TransitionInput,
  today: string,
  documentNumber: string | null,
): CaseEventBody[] {
  switch (transition.effect) {
    case undefined:
    case "withdraw":
      return [];
    case "requestDocuments": {
      const codes = input.documentCodes ?? [];
      const known = new Set(definition.documents.map((document) => document.code));
      if (codes.length === 0 || codes.some((code) => !known.has(code))) {
        throw new DomainError("documents_to_request", 422, "cases.errors.documents_to_request");
      }
      return [
        { type: "case.documents_requested", payload: { codes, message: (input.message ?? "").trim() } },
      ];
    }
    case "draftDecision": {
      if (!definition.outcomes.some((outcome) => outcome.code === input.outcome)) {
        throw new DomainError("outcome_required", 422, "cases.errors.outcome_required");
      }
      const reasons = (input.reasons ?? "").trim();
      if (reasons.length === 0)
        throw new DomainError("reasons_required", 422, "cases.errors.reasons_required");
      return [{ type: "case.decision_drafted", payload: { outcome: input.outcome as string, reasons } }];
    }
    case "approveDecision":
      return [{ type: "case.decision_approved", payload: {} }];
    case "returnDecision": {
      const comment = (input.comment ?? "").trim();
      if (comment.length === 0)
        throw new DomainError("comment_required", 422, "cases.errors.comment_required");
      return [{ type: "case.decision_returned", payload: { comment } }];
    }
    case "issueDecision": {
      const decision = state.decision;
      if (!decision) throw new GuardFailedError("decisionDrafted");
      return [decisionIssued(definition, decision.outcome, state.answers, today, documentNumber)];
    }
    case "provideDocuments":
      return [{ type: "case.documents_provided", payload: { message: (input.message ?? "").trim() } }];
  }
}

/** Refuses a transition that does not start from the case's state, or whose guards do not hold for this person. */
export function checkTransition(
  state: CaseState,
  definition: CaseTypeDefinition,
  transition: TransitionDefinition,
  actorId: string | null,
): void {
  if (!transition.from.includes(state.state)) {
    throw new ConflictError("transition_not_allowed", "cases.errors.transition_not_allowed");
  }
  // A watch-list hit is resolved first: nobody decides a case whose person may be listed unawares.
  if (state.hold?.status === "open") throw new ConflictError("case_on_hold", "cases.errors.case_on_hold");
  for (const guard of transition.guards) {
    if (!guardHolds(guard, state, definition, actorId)) throw new GuardFailedError(guard);
  }
}

/** Everything a transition's events depend on besides the case: the person's input, the day, numbers, agencies. */
export interface TransitionSetting {
  input: TransitionInput;
  /** The legal date the transition happens on. */
  today: string;
  /** The number of the document an issued decision comes with (see `issuedDocumentSeries`). */
  documentNumber: string | null;
  agencies: AgenciesByKind;
}

function occurredOnOf(input: TransitionInput, state: CaseState, today: string): string | undefined {
  const day = input.occurredOn;
  if (day === undefined) return undefined;
  const start = state.legalStartDate ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)) || day > today || day < start) {
    throw new DomainError("occurred_on", 422, "cases.errors.occurred_on");
  }
  return day;
}

/**
 * The events of a checked transition: its effect (a decision, a request), the move, and the
 * tasks of the new state. Pure: the operation and the demo data both make their events here.
 */
export function transitionEvents(
  state: CaseState,
  definition: CaseTypeDefinition,
  transition: TransitionDefinition,
  setting: TransitionSetting,
): CaseEventBody[] {
  const { input, today, documentNumber, agencies } = setting;
  const occurredOn = occurredOnOf(input, state, today);
  const dueDate = input.dueDate;
  if (
    dueDate !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || Number.isNaN(Date.parse(dueDate)) || dueDate < today)
  ) {
    throw new DomainError("due_date", 422, "cases.errors.due_date");
  }
  return [
    ...effectEvents(transition, state, definition, input, today, documentNumber),
    {
      type: "case.transitioned",
      payload: {
        transition: transition.name,
        from: state.state,
        to: transition.to,
        pausesDeadline: definition.states[transition.to]?.pausesDeadline ?? false,
        ...(occurredOn ? { occurredOn } : {}),
        ...(dueDate ? { dueDate } : {}),
        ...(input.stepAnswers && Object.keys(input.stepAnswers).length > 0
          ? { answers: { ...input.stepAnswers } }
          : {}),
      },
    },
    ...tasksEntering(definition, transition.to, state.agencyId, agencies, state.tasks),
  ];
}

/**
 * Moves a case along its workflow: the transition must start from the current state, the person
 * must be allowed, every guard must hold; its effect (a decision, a request) and the tasks of the
 * new state are recorded with the move, in one transaction.
 */
export async function transitionCase(
  context: CasesContext,
  caseId: string,
  expectedSeq: number | undefined,
  transitionName: string,
  input: TransitionInput = {},
  moduleStep?: ModuleStep,
): Promise<CaseState> {
  return changeCase(
    context,
    caseId,
    expectedSeq,
    `case.${transitionName}`,
    async ({ state, definition, tx }) => {
      const transition = definition.transitions.find((one) => one.name === transitionName);
      if (!transition) throw new DomainError("unknown_transition", 404, "errors.not_found");
      await authorizeOnCase(context, tx, transition.allowed, state, definition);
      if (definition.actionsPage && moduleStep?.typeCode !== definition.code) {
        throw new ConflictError("transition_on_actions_page", "cases.errors.transition_on_actions_page");
      }
      checkTransition(state, definition, transition, context.principal?.userId ?? null);
      // A due date is the owning module's legal time: no generic page or route sets one.
      if (input.dueDate !== undefined && moduleStep?.typeCode !== definition.code) {
        throw new DomainError("due_date", 422, "cases.errors.due_date");
      }
      if (input.stepAnswers !== undefined && moduleStep?.typeCode !== definition.code) {
        throw new DomainError("step_answers", 422, "cases.errors.step_answers");
      }
      // Whichever channel the module serves, the event keeps only what the definition declares.
      const stepAnswers = moduleStep
        ? checkStepAnswers(transition.answers, input.stepAnswers ?? {})
        : undefined;
      const issuing = transition.effect === "issueDecision" ? state.decision?.outcome : undefined;
      return transitionEvents(state, definition, transition, {
        input: { ...input, ...(stepAnswers ? { stepAnswers } : {}) },
        today: context.deadlines.legalDate(context.clock.now()),
        documentNumber: issuing ? await issuedDocumentNumber(context, tx, definition, issuing) : null,
        agencies: await agenciesForTasks(tx, definition, transition.to, state.tasks),
      });
    },
    undefined,
    moduleStep ? (tx, next) => moduleStep.record(tx, next) : undefined,
  );
}

/** The transitions this person could take now (for buttons on the case page). */
export function availableTransitions(
  state: CaseState,
  definition: CaseTypeDefinition,
): TransitionDefinition[] {
  return definition.transitions.filter((transition) => transition.from.includes(state.state));
}
