import { documentTypeLabelKey } from "../../../../platform/files/index.js";
import { type Locale, paginate, type Translator } from "../../../../platform/http/index.js";
import { decide, type Permission, type Principal } from "../../../access/index.js";
import { restrictedAnswers } from "../../case-type-access.js";
import type { TransitionDefinition } from "../../definition/case-type.js";
import { availableTransitions } from "../../operations/transition-case.js";
import { representativeRoles } from "../../representative-repository.js";
import { answerSections } from "../answers-view.js";
import { caseTimeline } from "../case-timeline.js";
import { deadlineView } from "../deadline-risk.js";
import { formatFileSize, formatLegalDate } from "../formatting.js";
import { type CaseFile, caseRecordOf } from "../view-case-file.js";
import type { StaffContext, Workspace } from "../workspace.js";

/** The pages of a case file, shown as sub-navigation. */
export const caseFilePages = ["overview", "documents", "tasks", "history", "notes", "related"] as const;
export type CaseFilePage = (typeof caseFilePages)[number];

/** Files the browser shows itself (a picture, a PDF in its own viewer); the rest are downloaded. */
const viewableTypes = new Set(["image/png", "image/jpeg", "application/pdf"]);

export interface ActionForm {
  name: string;
  label: string;
  effect: TransitionDefinition["effect"] | null;
  outcomes: Array<{ value: string; text: string }>;
  documents: Array<{ value: string; text: string }>;
  /** The officer drafted the decision: a second person must approve it (shown before they try). */
  ownDraft: boolean;
}

/** What every part of the case file is read with: the reader's language and the names it shows. */
interface Reading {
  t: Translator;
  locale: Locale;
  nameOf: (id: string | null) => string | null;
}

export function caseFileHref(caseId: string, page: CaseFilePage = "overview"): string {
  return page === "overview" ? `/cases/${caseId}` : `/cases/${caseId}/${page}`;
}

/**
 * Everything a case file page shows, in the reader's language: summary, deadline, decision,
 * answers, documents, tasks, history, notes and messages, related cases and the actions the
 * reader may take now.
 */
export function presentCaseFile(
  workspace: Workspace,
  context: StaffContext,
  file: CaseFile,
  page: CaseFilePage,
  t: Translator,
  locale: Locale,
) {
  const { state, definition, people } = file;
  const may = (permission: string) =>
    decide(context.principal, permission as Permission, caseRecordOf(state)).allowed;
  const nameOf = (id: string | null) =>
    id ? (people.get(id)?.fullName ?? t("workspace.timeline.unknownPerson")) : null;
  const reading: Reading = { t, locale, nameOf };
  const active = state.category === "open" || state.category === "waiting";
  const timeline = presentTimeline(file, reading, restrictedAnswers(context.principal, definition));
  return {
    caseId: state.id,
    page,
    subNavigation: caseFilePages.map((one) => ({
      text: t(`workspace.caseFile.pages.${one}`),
      href: caseFileHref(state.id, one),
      active: one === page,
    })),
    expectedSeq: state.lastSeq,
    summary: presentSummary(workspace, context, file, reading),
    decision: presentDecision(file, reading),
    canClaim: active && !state.assignedTo && may("cases.process"),
    canAssign: active && file.assignableOfficers.length > 0,
    officerOptions: officerOptions(file, t),
    canMessage: active && state.applicantUserId !== null && may("cases.process"),
    actions: definition.actionsPage ? [] : presentActions(file, context.principal, locale, may),
    // The steps are the owning module's (they record more than the engine knows): a link, not buttons.
    actionsPage: definition.actionsPage?.replace(":id", state.id) ?? null,
    relatedPages: definition.relatedPages.map((one) => ({
      href: one.path.replace(":id", state.id),
      text: one.label[locale],
    })),
    answers: answerSections(definition, state.answers, locale, {
      names: restrictedAnswers(context.principal, definition),
      text: t("workspace.caseFile.answers.restricted"),
    }),
    documents: presentDocuments(file, reading),
    ...documentRequests(file, locale),
    tasks: presentTasks(file, reading),
    timeline,
    notes: timeline.filter((item) => item.type === "note_added" || item.type === "message_sent"),
    related: presentRelated(workspace, file, reading),
    representation: presentRepresentation(file, reading, active && may("cases.process")),
  };
}

/** The lawyers and guardians who follow the case in the portal, and the form to add one. */
function presentRepresentation(file: CaseFile, { t }: Reading, mayManage: boolean) {
  if (!file.definition.access?.representatives) return null;
  return {
    mayManage,
    current: file.representatives.map((one) => ({
      id: one.id,
      name: one.contact?.fullName ?? t("workspace.timeline.unknownPerson"),
      email: one.contact?.email ?? "",
      role: t(`workspace.caseFile.representatives.roles.${one.role}`),
      addedAt: one.addedAt,
    })),
    roleItems: representativeRoles.map((role) => ({
      value: role,
      text: t(`workspace.caseFile.representatives.roles.${role}`),
    })),
  };
}

export type CaseFileView = ReturnType<typeof presentCaseFile>;

function presentSummary(workspace: Workspace, context: StaffContext, file: CaseFile, reading: Reading) {
  const { state, definition, agencies } = file;
  const { locale, nameOf } = reading;
  const lastPause = state.pauses.at(-1);
  return {
    number: state.number,
    typeName: definition.name[locale],
    stateLabel: definition.states[state.state]?.label[locale] ?? state.state,
    category: state.category,
    agencyName: agencies.get(state.agencyId)?.[locale] ?? "",
    submittedAt: state.submittedAt,
    legalStartDate: state.legalStartDate,
    expressTier:
      definition.fee.expressTiers.find((tier) => tier.code === state.expressTier)?.name[locale] ?? null,
    assignedName: nameOf(state.assignedTo),
    assignedToMe: state.assignedTo === context.principal.userId,
    applicantName: nameOf(state.applicantUserId),
    deadline: deadlineView(
      workspace.cases.calendar,
      definition,
      {
        category: state.category,
        expressTier: state.expressTier,
        legalStartDate: state.legalStartDate,
        deadlineDate: state.deadlineDate,
        pausedSince: lastPause?.to === null ? (lastPause?.from ?? null) : null,
        pauses: state.pauses,
      },
      context.clock.now(),
    ),
    legalTime: definition.legalTime ?? null,
  };
}

function presentDecision(file: CaseFile, { t, locale, nameOf }: Reading) {
  const decision = file.state.decision;
  if (!decision) return null;
  const outcome = file.definition.outcomes.find((one) => one.code === decision.outcome);
  return {
    outcomeLabel: outcome?.label[locale] ?? decision.outcome,
    reasons: decision.reasons.split(/\r?\n/).filter((line) => line.trim().length > 0),
    draftedBy: nameOf(decision.draftedBy) ?? t("workspace.timeline.system"),
    approvedBy: nameOf(decision.approvedBy),
    issued: decision.issued,
    documentNumber: decision.documentNumber,
    validFrom: decision.validFrom,
    validTo: decision.validTo,
    verificationCode: decision.verificationCode,
  };
}

function officerOptions(file: CaseFile, t: Translator) {
  const assignedTo = file.state.assignedTo;
  return [
    { value: "", text: t("workspace.caseFile.assign.nobody"), selected: !assignedTo },
    ...file.assignableOfficers.map((officer) => ({
      value: officer.id,
      text: officer.fullName,
      selected: officer.id === assignedTo,
    })),
  ];
}

/** The changes the reader may make now, each a form on the overview. */
function presentActions(
  file: CaseFile,
  principal: Principal,
  locale: Locale,
  may: (permission: string) => boolean,
): ActionForm[] {
  const { state, definition } = file;
  const decision = state.decision;
  return availableTransitions(state, definition)
    .filter((transition) => transition.allowed !== "applicant" && may(transition.allowed))
    .map((transition) => ({
      name: transition.name,
      label: transition.label[locale],
      effect: transition.effect ?? null,
      outcomes: definition.outcomes.map((one) => ({ value: one.code, text: one.label[locale] })),
      documents: definition.documents.map((one) => ({ value: one.code, text: one.name[locale] })),
      ownDraft:
        transition.guards.includes("fourEyes") &&
        decision !== null &&
        decision.draftedBy === principal.userId,
    }));
}

function documentNameIn(file: CaseFile, locale: Locale) {
  return (code: string) => file.definition.documents.find((one) => one.code === code)?.name[locale] ?? code;
}

function presentDocuments(file: CaseFile, { t, locale }: Reading) {
  const { state } = file;
  const documentName = documentNameIn(file, locale);
  return state.documents.map((document) => ({
    name: documentName(document.code),
    fileName: document.fileName,
    type: t(documentTypeLabelKey(document.mediaType)),
    size: formatFileSize(document.size, locale),
    attachedAt: document.attachedAt,
    href: `/cases/${state.id}/documents/${encodeURIComponent(document.documentId)}`,
    viewHref: viewableTypes.has(document.mediaType)
      ? `/cases/${state.id}/documents/${encodeURIComponent(document.documentId)}/view`
      : null,
  }));
}

/** The documents asked for, and those of them still missing. */
function documentRequests(file: CaseFile, locale: Locale) {
  const { state } = file;
  const documentName = documentNameIn(file, locale);
  const requested = new Set(state.requestedDocuments);
  // A request is answered by a file uploaded after it (as on the applicant's page), not by the
  // file the officer found wanting when they asked.
  const requestedAt = file.events.findLast((event) => event.type === "case.documents_requested")?.at;
  const attachedCodes = new Set(
    state.documents
      .filter((one) => !requestedAt || new Date(one.attachedAt).getTime() >= requestedAt.getTime())
      .map((one) => one.code),
  );
  return {
    outstandingDocuments: [...requested].filter((code) => !attachedCodes.has(code)).map(documentName),
    requestedDocuments: [...requested].map(documentName),
  };
}

function presentTasks(file: CaseFile, { t, locale, nameOf }: Reading) {
  return file.state.tasks.map((task) => {
    const taskDefinition = file.definition.tasks.find((one) => one.code === task.code);
    return {
      name: taskDefinition?.name[locale] ?? task.code,
      agencyName: file.agencies.get(task.agencyId)?.[locale] ?? "",
      status: task.status,
      statusText: t(`workspace.taskStatus.${task.status}`),
      mandatory: task.mandatory,
      result: task.result
        ? (taskDefinition?.results.find((one) => one.value === task.result)?.label[locale] ?? task.result)
        : null,
      comment: task.comment,
      completedBy: nameOf(task.completedBy),
      completedAt: task.completedAt,
    };
  });
}

function presentTimeline(file: CaseFile, { t, locale }: Reading, restricted: readonly string[]) {
  return caseTimeline(file.events, {
    t,
    locale,
    restricted,
    definition: file.definition,
    people: file.people,
    agencies: file.agencies,
    formatDate: (iso) => formatLegalDate(iso, locale),
  });
}

function presentRelated(workspace: Workspace, file: CaseFile, { t, locale }: Reading) {
  return file.related.map((one) => {
    const relatedDefinition = workspace.cases.registry.get(one.typeCode, one.typeVersion);
    return {
      id: one.id,
      number: one.number,
      typeName: relatedDefinition.name[locale],
      stateLabel: relatedDefinition.states[one.state]?.label[locale] ?? one.state,
      submittedAt: one.submittedAt,
      reason: one.sameApplicant
        ? t("workspace.caseFile.related.sameApplicant")
        : t("workspace.caseFile.related.sameDocument"),
    };
  });
}

/** Entries of the history, or of the notes and messages, on one page of the case file, newest first. */
export const caseFileListPageSize = 20;

/**
 * The history page's timeline and the notes page's notes and messages, one page of them with links
 * to the others (`?page=`), so that a long exchange neither fills one endless page nor hides its start.
 */
export function pagedLists(view: CaseFileView, page: CaseFilePage, requested: number, t: Translator) {
  const list = page === "history" ? "timeline" : page === "notes" ? "notes" : undefined;
  if (!list) return {};
  const paged = paginate(view[list], {
    page: requested,
    pageSize: caseFileListPageSize,
    hrefOf: (number) => `${caseFileHref(view.caseId, page)}?page=${number}#${list}`,
    t,
    landmarkLabel: t(`workspace.caseFile.${page}.pages`),
  });
  return { [list]: paged.items, listPage: paged };
}
