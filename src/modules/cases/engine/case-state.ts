import type { CaseTypeDefinition, LegalTime, StateCategory } from "../definition/case-type.js";
import type { CaseEvent } from "./events.js";

/** How the engine reads the legal calendar: legal dates and deadlines with pauses. */
export interface DeadlineClock {
  /** The legal date (YYYY-MM-DD, in the country's zone) of an instant. */
  legalDate(at: Date): string;
  /** The last day of the legal time from `start`, with the clock stopped during `pauses`. */
  deadline(input: {
    start: string;
    legalTime: LegalTime;
    pauses: Array<{ from: string; to: string | null }>;
  }): string;
}

export interface AttachedDocument {
  documentId: string;
  code: string;
  mediaType: string;
  size: number;
  sha256: string;
  fileName: string;
  attachedAt: string;
  attachedBy: string | null;
}

export interface CaseTask {
  taskId: string;
  code: string;
  agencyId: string;
  mandatory: boolean;
  status: "open" | "done" | "cancelled";
  result: string | null;
  comment: string | null;
  completedBy: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface CaseDecision {
  outcome: string;
  reasons: string;
  draftedBy: string | null;
  approvedBy: string | null;
  issued: boolean;
  documentNumber: string | null;
  verificationCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** A case as its events make it: the projection every read model is built from. */
export interface CaseState {
  id: string;
  number: string;
  typeCode: string;
  typeVersion: number;
  state: string;
  category: StateCategory;
  applicantUserId: string | null;
  agencyId: string;
  assignedTo: string | null;
  expressTier: string | null;
  answers: Record<string, unknown>;
  documents: AttachedDocument[];
  requestedDocuments: string[];
  feePaid: boolean;
  submittedAt: string | null;
  legalStartDate: string | null;
  pauses: Array<{ from: string; to: string | null }>;
  deadlineDate: string | null;
  decision: CaseDecision | null;
  decidedAt: string | null;
  tasks: CaseTask[];
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

export class CaseHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CaseHistoryError";
  }
}

function legalTimeOf(definition: CaseTypeDefinition, expressTier: string | null): LegalTime | undefined {
  const tier = expressTier ? definition.fee.expressTiers.find((one) => one.code === expressTier) : undefined;
  return tier?.legalTime ?? definition.legalTime;
}

/** The deadline of a case as it now stands: null without a legal time or start, or while the clock is stopped. */
function deadlineOf(
  state: Pick<CaseState, "expressTier" | "legalStartDate" | "pauses">,
  definition: CaseTypeDefinition,
  clock: DeadlineClock,
): string | null {
  const legalTime = legalTimeOf(definition, state.expressTier);
  // While the clock is stopped the end is unknown: it moves with every day the applicant takes.
  const stopped = state.pauses.at(-1)?.to === null;
  if (!legalTime || !state.legalStartDate || stopped) return null;
  return clock.deadline({ start: state.legalStartDate, legalTime, pauses: state.pauses });
}

/** `state` (a copy the caller made) in `to`, its clock paused or resumed, its deadline recomputed. */
function enterState(
  state: CaseState,
  to: string,
  definition: CaseTypeDefinition,
  clock: DeadlineClock,
  at: Date,
): CaseState {
  const target = definition.states[to];
  if (!target) throw new CaseHistoryError(`state ${to} is not in ${definition.code} v${definition.version}`);
  const today = clock.legalDate(at);
  const open = state.pauses.at(-1);
  if (open && open.to === null && !target.pausesDeadline) {
    state.pauses = [...state.pauses.slice(0, -1), { from: open.from, to: today }];
  } else if (target.pausesDeadline && !(open && open.to === null) && state.legalStartDate) {
    state.pauses = [...state.pauses, { from: today, to: null }];
  }
  state.state = to;
  state.category = target.category;
  state.deadlineDate = deadlineOf(state, definition, clock);
  return state;
}

/** The state a case starts in, from its creation event. */
export function initialCaseState(event: CaseEvent, definition: CaseTypeDefinition): CaseState {
  if (event.type !== "case.created")
    throw new CaseHistoryError(`a case starts with case.created, not ${event.type}`);
  const at = event.at.toISOString();
  const category = definition.states[event.payload.state]?.category;
  if (!category) throw new CaseHistoryError(`unknown initial state ${event.payload.state}`);
  return {
    id: event.caseId,
    number: event.payload.number,
    typeCode: event.payload.typeCode,
    typeVersion: event.payload.typeVersion,
    state: event.payload.state,
    category,
    applicantUserId: event.payload.applicantUserId,
    agencyId: event.payload.agencyId,
    assignedTo: null,
    expressTier: null,
    answers: {},
    documents: [],
    requestedDocuments: [],
    feePaid: false,
    submittedAt: null,
    legalStartDate: null,
    pauses: [],
    deadlineDate: null,
    decision: null,
    decidedAt: null,
    tasks: [],
    lastSeq: event.seq,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Applies one event. Pure and deterministic: replaying a case's events always gives the same
 * state, which is what makes the projection rebuildable.
 */
export function applyEvent(
  state: CaseState,
  event: CaseEvent,
  definition: CaseTypeDefinition,
  clock: DeadlineClock,
): CaseState {
  if (event.seq !== state.lastSeq + 1) {
    throw new CaseHistoryError(`case ${state.id}: event ${event.seq} follows ${state.lastSeq}`);
  }
  const at = event.at.toISOString();
  // A replay applies millions of events: each makes one copy of the state, not several.
  const next = applyBody(state, event, at, definition, clock);
  if (next === state) return { ...state, lastSeq: event.seq, updatedAt: at };
  next.lastSeq = event.seq;
  next.updatedAt = at;
  return next;
}

/** The state after the event: a new object (`state` itself when nothing but the sequence changes). */
function applyBody(
  state: CaseState,
  event: CaseEvent,
  at: string,
  definition: CaseTypeDefinition,
  clock: DeadlineClock,
): CaseState {
  switch (event.type) {
    case "case.created":
      throw new CaseHistoryError(`case ${state.id} was created twice`);
    case "case.answers_saved":
      return { ...state, answers: { ...state.answers, ...event.payload.answers } };
    case "case.express_tier_chosen": {
      const next = { ...state, expressTier: event.payload.tier };
      next.deadlineDate = deadlineOf(next, definition, clock);
      return next;
    }
    case "case.fee_paid":
      return { ...state, feePaid: true };
    case "case.document_attached":
      return {
        ...state,
        documents: [...state.documents, { ...event.payload, attachedAt: at, attachedBy: event.actor.id }],
      };
    case "case.document_removed":
      return {
        ...state,
        documents: state.documents.filter((document) => document.documentId !== event.payload.documentId),
      };
    case "case.submitted":
      return enterState(
        { ...state, submittedAt: at, legalStartDate: event.payload.legalStartDate },
        event.payload.state,
        definition,
        clock,
        event.at,
      );
    case "case.transitioned":
      return enterState({ ...state }, event.payload.to, definition, clock, event.at);
    case "case.documents_requested":
      return { ...state, requestedDocuments: event.payload.codes };
    case "case.documents_provided":
      return { ...state, requestedDocuments: [] };
    case "case.assigned":
      return { ...state, assignedTo: event.payload.officerId };
    case "case.task_created":
      return {
        ...state,
        tasks: [
          ...state.tasks,
          {
            ...event.payload,
            status: "open",
            result: null,
            comment: null,
            completedBy: null,
            createdAt: at,
            completedAt: null,
          },
        ],
      };
    case "case.task_completed":
      return {
        ...state,
        tasks: state.tasks.map((task) =>
          task.taskId === event.payload.taskId
            ? {
                ...task,
                status: "done",
                result: event.payload.result,
                comment: event.payload.comment,
                completedBy: event.actor.id,
                completedAt: at,
              }
            : task,
        ),
      };
    case "case.decision_drafted":
      return {
        ...state,
        decision: {
          outcome: event.payload.outcome,
          reasons: event.payload.reasons,
          draftedBy: event.actor.id,
          approvedBy: null,
          issued: false,
          documentNumber: null,
          verificationCode: null,
          validFrom: null,
          validTo: null,
        },
      };
    case "case.decision_approved":
      if (!state.decision) throw new CaseHistoryError(`case ${state.id}: approval without a draft`);
      return { ...state, decision: { ...state.decision, approvedBy: event.actor.id } };
    case "case.decision_returned":
      if (!state.decision) throw new CaseHistoryError(`case ${state.id}: return without a draft`);
      return { ...state, decision: { ...state.decision, approvedBy: null } };
    case "case.decision_issued":
      if (!state.decision) throw new CaseHistoryError(`case ${state.id}: issue without a draft`);
      return {
        ...state,
        decidedAt: at,
        decision: {
          ...state.decision,
          outcome: event.payload.outcome,
          issued: true,
          documentNumber: event.payload.documentNumber,
          verificationCode: event.payload.verificationCode,
          validFrom: event.payload.validFrom,
          validTo: event.payload.validTo,
        },
      };
    case "case.note_added":
    case "case.message_sent":
      return state;
  }
}

/** Replays a whole history from nothing. */
export function replayCase(
  events: CaseEvent[],
  definitionOf: (typeCode: string, typeVersion: number) => CaseTypeDefinition,
  clock: DeadlineClock,
): CaseState {
  const [first, ...rest] = events;
  if (first?.type !== "case.created") throw new CaseHistoryError("a case history starts with case.created");
  const definition = definitionOf(first.payload.typeCode, first.payload.typeVersion);
  return rest.reduce(
    (state, event) => applyEvent(state, event, definition, clock),
    initialCaseState(first, definition),
  );
}
