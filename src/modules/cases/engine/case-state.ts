import type { CaseTypeDefinition, LegalTime, StateCategory } from "../definition/case-type.js";
import type { CaseEvent, CaseEventType, HoldFinding } from "./events.js";

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

/** A watch-list hit on the case and what the officer made of it. */
export interface CaseHold extends HoldFinding {
  status: "open" | "released" | "confirmed";
  heldAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  reason: string | null;
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
  /** The watch-list hold, if the submission check found one; while it is open the case is "open". */
  hold: CaseHold | null;
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
    hold: null,
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
  // Each applier takes only its own event type; the table's key guarantees the match.
  const apply = appliers[event.type] as Applier<CaseEventType>;
  return apply(state, event, at, definition, clock);
}

type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

type Applier<T extends CaseEventType> = (
  state: CaseState,
  event: EventOf<T>,
  at: string,
  definition: CaseTypeDefinition,
  clock: DeadlineClock,
) => CaseState;

/** One applier per event type: a missing type is a compile error. */
const appliers: { [T in CaseEventType]: Applier<T> } = {
  "case.created": (state) => {
    throw new CaseHistoryError(`case ${state.id} was created twice`);
  },
  "case.answers_saved": (state, event) => ({
    ...state,
    answers: { ...state.answers, ...event.payload.answers },
  }),
  "case.answers_corrected": (state, event) => ({
    ...state,
    answers: { ...state.answers, ...event.payload.answers },
  }),
  "case.express_tier_chosen": (state, event, _at, definition, clock) => {
    const next = { ...state, expressTier: event.payload.tier };
    next.deadlineDate = deadlineOf(next, definition, clock);
    return next;
  },
  "case.fee_paid": (state) => ({ ...state, feePaid: true }),
  "case.document_attached": (state, event, at) => ({
    ...state,
    documents: [...state.documents, { ...event.payload, attachedAt: at, attachedBy: event.actor.id }],
  }),
  "case.document_removed": (state, event) => ({
    ...state,
    documents: state.documents.filter((document) => document.documentId !== event.payload.documentId),
  }),
  "case.submitted": (state, event, at, definition, clock) =>
    enterState(
      { ...state, submittedAt: at, legalStartDate: event.payload.legalStartDate },
      event.payload.state,
      definition,
      clock,
      event.at,
    ),
  "case.transitioned": (state, event, _at, definition, clock) => {
    const next = enterState({ ...state }, event.payload.to, definition, clock, event.at);
    // A step's own due date holds until the next step; a stopped clock still has none.
    if (event.payload.dueDate && next.pauses.at(-1)?.to !== null) next.deadlineDate = event.payload.dueDate;
    return next;
  },
  "case.documents_requested": (state, event) => ({ ...state, requestedDocuments: event.payload.codes }),
  "case.documents_provided": (state) => ({ ...state, requestedDocuments: [] }),
  "case.assigned": (state, event) => ({ ...state, assignedTo: event.payload.officerId }),
  "case.task_created": (state, event, at) => ({ ...state, tasks: [...state.tasks, openTask(event, at)] }),
  "case.task_completed": (state, event, at) => ({
    ...state,
    tasks: state.tasks.map((task) =>
      task.taskId === event.payload.taskId ? completedTask(task, event, at) : task,
    ),
  }),
  "case.decision_drafted": (state, event) => ({ ...state, decision: draftedDecision(event) }),
  "case.decision_approved": (state, event) => ({
    ...state,
    decision: { ...draftOf(state, "approval"), approvedBy: event.actor.id },
  }),
  "case.decision_returned": (state) => ({
    ...state,
    decision: { ...draftOf(state, "return"), approvedBy: null },
  }),
  "case.decision_issued": (state, event, at) => ({
    ...state,
    decidedAt: at,
    decision: issuedDecision(draftOf(state, "issue"), event),
  }),
  // A held case is worked on by an officer whatever its state's category says (a registration's
  // submitted state is "decided"), so the queues show it until the hold is resolved.
  "case.held": (state, event, at) => ({
    ...state,
    category: "open",
    hold: { ...event.payload, status: "open", heldAt: at, resolvedBy: null, resolvedAt: null, reason: null },
  }),
  "case.hold_released": (state, event, at, definition) => ({
    ...state,
    category: definition.states[state.state]?.category ?? state.category,
    hold: resolvedHold(state, event, at, "released"),
  }),
  "case.hold_confirmed": (state, event, at) => ({
    ...state,
    hold: resolvedHold(state, event, at, "confirmed"),
  }),
  // Who may follow the case is access data (`case_representatives`); the events are its history.
  "case.representative_added": (state) => state,
  "case.representative_ended": (state) => state,
  "case.note_added": (state) => state,
  "case.message_sent": (state) => state,
};

function resolvedHold(
  state: CaseState,
  event: EventOf<"case.hold_released"> | EventOf<"case.hold_confirmed">,
  at: string,
  status: "released" | "confirmed",
): CaseHold {
  if (!state.hold) throw new CaseHistoryError(`case ${state.id}: ${event.type} without a hold`);
  return { ...state.hold, status, resolvedBy: event.actor.id, resolvedAt: at, reason: event.payload.reason };
}

function openTask(event: EventOf<"case.task_created">, at: string): CaseTask {
  return {
    ...event.payload,
    status: "open",
    result: null,
    comment: null,
    completedBy: null,
    createdAt: at,
    completedAt: null,
  };
}

function completedTask(task: CaseTask, event: EventOf<"case.task_completed">, at: string): CaseTask {
  return {
    ...task,
    status: "done",
    result: event.payload.result,
    comment: event.payload.comment,
    completedBy: event.actor.id,
    completedAt: at,
  };
}

function draftedDecision(event: EventOf<"case.decision_drafted">): CaseDecision {
  return {
    outcome: event.payload.outcome,
    reasons: event.payload.reasons,
    draftedBy: event.actor.id,
    approvedBy: null,
    issued: false,
    documentNumber: null,
    verificationCode: null,
    validFrom: null,
    validTo: null,
  };
}

/** The drafted decision an approval, a return or an issue acts on; a history without one is broken. */
function draftOf(state: CaseState, step: "approval" | "return" | "issue"): CaseDecision {
  if (!state.decision) throw new CaseHistoryError(`case ${state.id}: ${step} without a draft`);
  return state.decision;
}

function issuedDecision(draft: CaseDecision, event: EventOf<"case.decision_issued">): CaseDecision {
  return {
    ...draft,
    outcome: event.payload.outcome,
    issued: true,
    documentNumber: event.payload.documentNumber,
    verificationCode: event.payload.verificationCode,
    validFrom: event.payload.validFrom,
    validTo: event.payload.validTo,
  };
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
