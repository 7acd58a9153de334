import { asc, eq } from "drizzle-orm";
import type { Locale, Translator } from "../../../platform/http/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { type CaseState, replayCase } from "../engine/case-state.js";
import { loadEventsOfCases } from "../engine/event-store.js";
import type { CaseEvent } from "../engine/events.js";
import { cases } from "../schema.js";
import { answeredPages } from "./answer-summary.js";
import { applicantStateLabel } from "./applicant-state-label.js";
import { readOwnCase } from "./read-own-case.js";

/** Who did something on the case, as the person the case is about is told it. */
export type CaseActorKind = "you" | "your_api_key" | "agency" | "system";

/**
 * Everything a case holds about its applicant, for their own access to their data: the answers
 * (raw and in words), documents, the messages both ways, tasks and their results, the issued
 * decision and the history. The agency's internal working papers (notes, the comments of a task,
 * a decision not yet issued) are counted, not quoted: see docs/adr/0024.
 */
export interface OwnCaseRecord {
  id: string;
  number: string;
  typeCode: string;
  typeName: string;
  state: string;
  stateLabel: string;
  category: string;
  agencyId: string;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  deadlineDate: string | null;
  answers: Record<string, unknown>;
  answeredPages: Array<{ title: string; questions: Array<{ name: string; label: string; lines: string[] }> }>;
  documents: Array<{
    documentId: string;
    code: string;
    name: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    attachedAt: string;
    attachedBy: CaseActorKind;
  }>;
  messages: Array<{
    at: string;
    kind: "message" | "documents_requested" | "documents_provided";
    from: CaseActorKind;
    text: string;
  }>;
  tasks: Array<{
    code: string;
    name: string;
    agencyId: string;
    status: string;
    result: string | null;
    resultLabel: string | null;
    createdAt: string;
    completedAt: string | null;
  }>;
  decision: {
    outcome: string;
    outcomeLabel: string;
    reasons: string;
    documentNumber: string | null;
    verificationCode: string | null;
    validFrom: string | null;
    validTo: string | null;
  } | null;
  /** Every event, its kind as a code; a workflow move also names the step in words (`step`). */
  history: Array<{ seq: number; at: string; type: string; step: string | null; by: CaseActorKind }>;
  withheld: { internalNotes: number; taskComments: number; decisionInPreparation: boolean };
}

function actorKind(event: CaseEvent, state: CaseState): CaseActorKind {
  if (event.actor.type === "system") return "system";
  // An API key reaches only its owner's cases, so a key acting on this case is the applicant's.
  if (event.actor.type === "api_key") return "your_api_key";
  return event.actor.id !== null && event.actor.id === state.applicantUserId ? "you" : "agency";
}

function messagesOf(events: CaseEvent[], state: CaseState): OwnCaseRecord["messages"] {
  const messages: OwnCaseRecord["messages"] = [];
  for (const event of events) {
    const at = event.at.toISOString();
    if (event.type === "case.message_sent")
      messages.push({ at, kind: "message", from: actorKind(event, state), text: event.payload.text });
    else if (event.type === "case.documents_requested" && event.payload.message)
      messages.push({
        at,
        kind: "documents_requested",
        from: actorKind(event, state),
        text: event.payload.message,
      });
    else if (event.type === "case.documents_provided" && event.payload.message)
      messages.push({
        at,
        kind: "documents_provided",
        from: actorKind(event, state),
        text: event.payload.message,
      });
  }
  return messages;
}

function documentsOf(state: CaseState, events: CaseEvent[], definition: CaseTypeDefinition, locale: Locale) {
  const byDocument = new Map<string, CaseActorKind>();
  for (const event of events) {
    if (event.type === "case.document_attached")
      byDocument.set(event.payload.documentId, actorKind(event, state));
  }
  return state.documents.map((document) => ({
    documentId: document.documentId,
    code: document.code,
    name: definition.documents.find((one) => one.code === document.code)?.name[locale] ?? document.code,
    fileName: document.fileName,
    mediaType: document.mediaType,
    size: document.size,
    sha256: document.sha256,
    attachedAt: document.attachedAt,
    attachedBy: byDocument.get(document.documentId) ?? "you",
  }));
}

function tasksOf(state: CaseState, definition: CaseTypeDefinition, locale: Locale): OwnCaseRecord["tasks"] {
  return state.tasks.map((task) => {
    const taskDefinition = definition.tasks.find((one) => one.code === task.code);
    return {
      code: task.code,
      name: taskDefinition?.name[locale] ?? task.code,
      agencyId: task.agencyId,
      status: task.status,
      result: task.result,
      resultLabel: task.result
        ? (taskDefinition?.results.find((one) => one.value === task.result)?.label[locale] ?? task.result)
        : null,
      createdAt: task.createdAt,
      completedAt: task.completedAt,
    };
  });
}

function decisionOf(
  state: CaseState,
  definition: CaseTypeDefinition,
  locale: Locale,
): OwnCaseRecord["decision"] {
  const issued = state.decision?.issued ? state.decision : null;
  if (!issued) return null;
  return {
    outcome: issued.outcome,
    outcomeLabel:
      definition.outcomes.find((one) => one.code === issued.outcome)?.label[locale] ?? issued.outcome,
    reasons: issued.reasons,
    documentNumber: issued.documentNumber,
    verificationCode: issued.verificationCode,
    validFrom: issued.validFrom,
    validTo: issued.validTo,
  };
}

function historyOf(state: CaseState, events: CaseEvent[], definition: CaseTypeDefinition, locale: Locale) {
  return events.map((event) => ({
    seq: event.seq,
    at: event.at.toISOString(),
    type: event.type,
    step:
      event.type === "case.transitioned"
        ? (definition.transitions.find((one) => one.name === event.payload.transition)?.label[locale] ??
          event.payload.transition)
        : null,
    by: actorKind(event, state),
  }));
}

function recordOf(
  state: CaseState,
  events: CaseEvent[],
  definition: CaseTypeDefinition,
  locale: Locale,
  t: Translator,
): OwnCaseRecord {
  return {
    id: state.id,
    number: state.number,
    typeCode: state.typeCode,
    typeName: definition.name[locale],
    state: state.state,
    stateLabel: applicantStateLabel(state, definition, locale, t),
    category: state.category,
    agencyId: state.agencyId,
    createdAt: state.createdAt,
    submittedAt: state.submittedAt,
    decidedAt: state.decidedAt,
    deadlineDate: state.deadlineDate,
    answers: state.answers,
    answeredPages: answeredPages(definition, state.answers, locale, t).map((page) => ({
      title: page.title,
      questions: page.questions.map((question) => ({
        name: question.field.name,
        label: question.label,
        lines: question.lines,
      })),
    })),
    documents: documentsOf(state, events, definition, locale),
    messages: messagesOf(events, state),
    tasks: tasksOf(state, definition, locale),
    decision: decisionOf(state, definition, locale),
    history: historyOf(state, events, definition, locale),
    withheld: {
      internalNotes: events.filter((event) => event.type === "case.note_added").length,
      taskComments: state.tasks.filter((task) => task.comment).length,
      decisionInPreparation: state.decision !== null && !state.decision.issued,
    },
  };
}

/** Histories are read in slices, so that a host with thousands of registrations stays in bounds. */
const slice = 500;

/**
 * The signed-in person's own cases with everything they hold, for their access to their data:
 * all of them, oldest first, or the one `caseId` (someone else's answers 404, audited). Reading
 * is audited by the caller (one record for the whole access), a single case here.
 */
export async function loadOwnCaseRecords(
  context: CasesContext,
  locale: Locale,
  t: Translator,
  options: { caseId?: string } = {},
): Promise<OwnCaseRecord[]> {
  const { principal } = context;
  if (principal?.kind !== "public") return [];
  if (options.caseId) {
    const own = await readOwnCase(context, options.caseId, "my-data");
    const histories = await loadEventsOfCases(context.db, [own.state.id]);
    return [recordOf(own.state, histories.get(own.state.id) ?? [], own.definition, locale, t)];
  }
  const rows = await context.db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.applicantUserId, principal.userId))
    .orderBy(asc(cases.createdAt), asc(cases.number));
  const records: OwnCaseRecord[] = [];
  for (let start = 0; start < rows.length; start += slice) {
    const histories = await loadEventsOfCases(
      context.db,
      rows.slice(start, start + slice).map((row) => row.id),
    );
    for (const events of histories.values()) {
      if (events.length === 0) continue;
      // The state as its events make it: the same as the projection, without a query per case.
      const state = replayCase(
        events,
        (code, version) => context.registry.get(code, version),
        context.deadlines,
      );
      const definition = context.registry.get(state.typeCode, state.typeVersion);
      records.push(recordOf(state, events, definition, locale, t));
    }
  }
  return records;
}
