import type { FastifyReply, FastifyRequest } from "fastify";
import { paginate, requestedPage } from "../../../platform/http/index.js";
import type { CaseTypeDefinition, TransitionDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadEvents } from "../engine/event-store.js";
import type { CaseEvent } from "../engine/events.js";
import { messagesOpen } from "../operations/add-note.js";
import { formatLongDate } from "./answer-summary.js";
import { applicantStateLabel } from "./applicant-state-label.js";
import { applicantTimeline, lastDocumentRequest } from "./applicant-timeline.js";
import { applicationPaths, draftProgress, type StepStatus } from "./application-steps.js";
import { caseCaption, noticeOf } from "./case-heading.js";
import { attachedDocumentRows, documentCodeItems } from "./document-views.js";
import { isDecidedOnSubmission, issuedDocumentKey } from "./issued-document-name.js";
import type { PortalServices } from "./portal-services.js";

const views = "cases/views/portal";

/** Entries of the case's history (messages among them) on one page, newest first. */
export const historyPageSize = 20;

export const documentLanguages = [
  { code: "az", name: "Azərbaycanca" },
  { code: "en", name: "English" },
  { code: "ru", name: "Русский" },
] as const;

/** The applicant's own transition of this kind that the case's state allows now, if any. */
export function applicantTransition(
  state: CaseState,
  definition: CaseTypeDefinition,
  effect: "withdraw" | "provideDocuments",
): TransitionDefinition | undefined {
  return definition.transitions.find(
    (transition) =>
      transition.effect === effect &&
      transition.allowed === "applicant" &&
      transition.from.includes(state.state),
  );
}

/** Requested documents still without a new upload since the officer asked. */
export function documentsStillRequested(state: CaseState, events: CaseEvent[]): string[] {
  const request = lastDocumentRequest(events);
  if (!request) return state.requestedDocuments;
  const uploadedSince = new Set(
    state.documents
      .filter((document) => new Date(document.attachedAt).getTime() >= request.at.getTime())
      .map((document) => document.code),
  );
  return state.requestedDocuments.filter((code) => !uploadedSince.has(code));
}

export interface CaseStatusInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  /** A representative follows the case: the applicant's forms (documents, messages, withdrawal) are not shown. */
  asRepresentative?: boolean;
  errors?: Array<{ text: string; href?: string }>;
  errorsByField?: Record<string, string>;
  /** What was typed in a form of the page that is shown again with errors. */
  values?: Record<string, string>;
}

function taskStatus(request: FastifyRequest, status: StepStatus) {
  if (status === "completed") return { text: request.t("portal.taskList.completed") };
  if (status === "incomplete") {
    return { tag: { text: request.t("portal.taskList.inProgress"), classes: "govuk-tag--light-blue" } };
  }
  return { tag: { text: request.t("portal.taskList.notStarted"), classes: "govuk-tag--blue" } };
}

function renderDraft(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  input: CaseStatusInput,
) {
  const { state, definition } = input;
  const t = request.t;
  const today = services.cases.deadlines.legalDate(services.cases.clock.now());
  const progress = draftProgress(definition, state, today);
  const tasks = [
    ...progress.pages.map(({ page, status }) => ({
      title: { text: page.title[request.locale] },
      href: applicationPaths.page(state.id, page.id),
      status: taskStatus(request, status),
    })),
    ...(progress.documents
      ? [
          {
            title: { text: t("portal.taskList.documents") },
            href: applicationPaths.documents(state.id),
            status: taskStatus(request, progress.documents),
          },
        ]
      : []),
    // Paying comes after checking the answers (and the submission after paying): one last task.
    {
      title: { text: t(progress.feeSettled ? "portal.taskList.check" : "portal.taskList.checkAndPay") },
      ...(progress.answered
        ? {
            href: applicationPaths.check(state.id),
            status: taskStatus(request, state.feePaid ? "incomplete" : "notStarted"),
          }
        : {
            status: {
              text: t("portal.taskList.cannotStart"),
              classes: "govuk-task-list__status--cannot-start-yet",
            },
          }),
    },
  ];
  return reply.render(`${views}/task-list.njk`, {
    title: t("portal.taskList.title"),
    caption: caseCaption(request, state, definition),
    typeName: definition.name[request.locale],
    number: state.number,
    tasks,
    notice: noticeOf(request),
  });
}

function statusRows(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  const { locale, t } = request;
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } });
  const pausedSince = state.pauses.at(-1)?.to === null ? state.pauses.at(-1)?.from : undefined;
  const deadline = state.deadlineDate
    ? formatLongDate(state.deadlineDate, locale)
    : pausedSince
      ? t("portal.status.paused", { since: formatLongDate(pausedSince, locale) })
      : t("portal.status.noDeadline");
  const decidedKey = isDecidedOnSubmission(definition)
    ? "portal.receipt.registeredOn"
    : "portal.status.decided";
  return [
    row("portal.status.number", state.number),
    row("portal.status.type", definition.name[locale]),
    row("portal.status.state", applicantStateLabel(state, definition, locale, t)),
    ...(state.submittedAt ? [row("portal.status.submitted", formatLongDate(state.submittedAt, locale))] : []),
    ...(state.category === "open" || state.category === "waiting"
      ? [row("portal.status.deadline", deadline)]
      : []),
    ...(state.decidedAt ? [row(decidedKey, formatLongDate(state.decidedAt, locale))] : []),
  ];
}

/** The officer's open request for documents, with the upload form answering it. */
function documentRequestView(request: FastifyRequest, input: CaseStatusInput, events: CaseEvent[]) {
  const { state, definition } = input;
  if (state.requestedDocuments.length === 0) return undefined;
  if (!applicantTransition(state, definition, "provideDocuments")) return undefined;
  const missing = documentsStillRequested(state, events);
  return {
    message: lastDocumentRequest(events)?.message,
    documents: state.requestedDocuments.map((code) => ({
      name: definition.documents.find((one) => one.code === code)?.name[request.locale] ?? code,
      provided: !missing.includes(code),
    })),
    upload: {
      action: applicationPaths.documents(state.id),
      from: "status",
      codeItems: documentCodeItems(request, definition, state.requestedDocuments, input.values?.code),
    },
    sendAction: `${applicationPaths.status(state.id)}/provide-documents`,
    ready: missing.length === 0,
  };
}

function decisionView(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  const decision = state.decision?.issued ? state.decision : undefined;
  if (!decision) return undefined;
  const { locale, t } = request;
  const outcome = definition.outcomes.find((one) => one.code === decision.outcome);
  const statusPath = applicationPaths.status(state.id);
  return {
    outcome: outcome?.label[locale] ?? decision.outcome,
    // A registration made on notification says so, and its document is a confirmation.
    onSubmission: isDecidedOnSubmission(definition),
    documentName: t(`portal.status.issuedDocument.${issuedDocumentKey(definition)}`),
    positive: Boolean(outcome?.issuesDocument && decision.documentNumber),
    documentNumber: decision.documentNumber,
    validFrom: decision.validFrom ? formatLongDate(decision.validFrom, locale) : undefined,
    validTo: decision.validTo ? formatLongDate(decision.validTo, locale) : undefined,
    letters: documentLanguages.map((language) => ({
      ...language,
      href: `${statusPath}/decision/${language.code}`,
    })),
    permits: documentLanguages.map((language) => ({
      ...language,
      href: `${statusPath}/permit/${language.code}`,
    })),
  };
}

function historyView(
  request: FastifyRequest,
  state: CaseState,
  definition: CaseTypeDefinition,
  events: CaseEvent[],
) {
  const { locale, t } = request;
  const entries = applicantTimeline(events, definition, locale, t).map((entry) => ({
    ...entry,
    when: entry.at.toISOString(),
  }));
  return paginate(entries, {
    page: requestedPage(request.query),
    pageSize: historyPageSize,
    hrefOf: (page) => `${applicationPaths.status(state.id)}?page=${page}#history`,
    t,
    landmarkLabel: t("portal.status.historyPages"),
  });
}

/**
 * The applicant's page of one case: a draft's task list, or a submitted case's state, legal
 * deadline, history, messages, requests for documents, withdrawal and the decision.
 */
export async function renderCaseStatus(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  input: CaseStatusInput,
) {
  const { state, definition } = input;
  if (state.state === definition.initialState) return renderDraft(request, reply, services, input);
  const t = request.t;
  const events = await loadEvents(services.cases.db, state.id);
  const acts = input.asRepresentative !== true;
  return reply.render(`${views}/status.njk`, {
    title: t("portal.status.title"),
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    rows: statusRows(request, state, definition),
    documentRequest: acts ? documentRequestView(request, input, events) : undefined,
    attached: attachedDocumentRows(request, state, definition),
    history: historyView(request, state, definition, events),
    canMessage: acts && messagesOpen(state, definition),
    messageAction: `${applicationPaths.status(state.id)}/messages`,
    withdrawHref:
      acts && applicantTransition(state, definition, "withdraw")
        ? `${applicationPaths.status(state.id)}/withdraw`
        : undefined,
    decision: decisionView(request, state, definition),
    casePages: definition.portalPages.map((one) => ({
      href: one.path.replace(":id", state.id),
      label: one.label[request.locale],
    })),
    expectedSeq: state.lastSeq,
    notice: noticeOf(request),
    errors: input.errors ?? [],
    errorsByField: input.errorsByField ?? {},
    values: input.values ?? {},
  });
}
