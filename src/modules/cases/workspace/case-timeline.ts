import type { Locale, Translator } from "../../../platform/http/index.js";
import { formatMoney } from "../../../platform/locale/index.js";
import type { UserContact } from "../../access/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseEvent } from "../engine/events.js";

export interface TimelineItem {
  seq: number;
  type: string;
  title: string;
  /** Who acted: a person's name, "the applicant's system (API)" or the system itself. */
  byline: string;
  at: Date;
  /** Paragraphs of the description (free text keeps its line breaks). */
  lines: string[];
}

export interface TimelineContext {
  t: Translator;
  locale: Locale;
  definition: CaseTypeDefinition;
  people: Map<string, UserContact>;
  agencies: Map<string, { az: string; en: string; ru: string }>;
  formatDate: (isoDate: string) => string;
  /** Special-category answers the reader may not read: a correction of one names the question only. */
  restricted?: readonly string[] | undefined;
}

const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export function actorName(event: Pick<CaseEvent, "actor">, context: TimelineContext): string {
  const { t, people } = context;
  if (event.actor.type === "system" || !event.actor.id) return t("workspace.timeline.system");
  const name = people.get(event.actor.id)?.fullName ?? t("workspace.timeline.unknownPerson");
  return event.actor.type === "api_key" ? t("workspace.timeline.throughApi", { name }) : name;
}

type EventOf<T extends CaseEvent["type"]> = Extract<CaseEvent, { type: T }>;
type Description = { title: string; lines: string[] };

/** What is shown of one event: a title and the lines beneath it. */
function describe(event: CaseEvent, context: TimelineContext, taskCodes: Map<string, string>): Description {
  const { t } = context;
  switch (event.type) {
    case "case.created":
      return { title: t("workspace.timeline.created"), lines: [] };
    case "case.answers_saved":
      return { title: t("workspace.timeline.answersSaved"), lines: [] };
    case "case.answers_corrected":
      return describeCorrection(event, context);
    case "case.document_removed":
      return { title: t("workspace.timeline.documentRemoved"), lines: [] };
    case "case.submitted":
      return { title: t("workspace.timeline.submitted"), lines: [] };
    case "case.decision_approved":
      return { title: t("workspace.timeline.decisionApproved"), lines: [] };
    case "case.express_tier_chosen":
    case "case.fee_paid":
    case "case.document_attached":
    case "case.documents_requested":
    case "case.documents_provided":
      return describeApplication(event, context);
    case "case.transitioned":
    case "case.assigned":
    case "case.task_created":
    case "case.task_completed":
      return describeWork(event, context, taskCodes);
    case "case.decision_drafted":
    case "case.decision_returned":
    case "case.decision_issued":
      return describeDecision(event, context);
    case "case.note_added":
    case "case.message_sent":
      return describeExchange(event, context);
    case "case.held":
      return {
        title: t("workspace.timeline.held", { list: t(`workspace.holds.lists.${event.payload.list}`) }),
        lines: [t("workspace.timeline.holdScore", { score: event.payload.score })],
      };
    case "case.hold_released":
      return { title: t("workspace.timeline.holdReleased"), lines: paragraphs(event.payload.reason) };
    case "case.hold_confirmed":
      return { title: t("workspace.timeline.holdConfirmed"), lines: paragraphs(event.payload.reason) };
    case "case.representative_added":
    case "case.representative_ended":
      return describeAccess(event, context);
  }
}

/** Who was let follow the case in the portal, or no longer: their role, and their account while the case keeps it. */
function describeAccess(
  event: EventOf<"case.representative_added" | "case.representative_ended">,
  { t, people }: TimelineContext,
): Description {
  const role = t(`workspace.caseFile.representatives.roles.${event.payload.role}`);
  const account = event.payload.userId ? people.get(event.payload.userId) : undefined;
  return {
    title: t(
      event.type === "case.representative_added"
        ? "workspace.timeline.accessGiven"
        : "workspace.timeline.accessEnded",
      { role },
    ),
    lines: account ? [`${account.fullName} (${account.email})`] : [],
  };
}

function documentNameIn({ definition, locale }: TimelineContext) {
  return (code: string) => definition.documents.find((one) => one.code === code)?.name[locale] ?? code;
}

/** Which answer changed, from what to what: the correction is what the person asked to be known. */
function describeCorrection(event: EventOf<"case.answers_corrected">, context: TimelineContext): Description {
  const { t, locale, definition } = context;
  const questions = definition.form.flatMap((page) => page.fields);
  const shown = (value: unknown) =>
    value === undefined || value === null || value === ""
      ? "—"
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return {
    title: t("workspace.timeline.answersCorrected", { reference: event.payload.correction }),
    lines: Object.entries(event.payload.answers).map(([name, value]) => {
      const label = questions.find((question) => question.name === name)?.label[locale] ?? name;
      if (context.restricted?.includes(name))
        return `${label}: ${t("workspace.caseFile.answers.restricted")}`;
      return `${label}: ${shown(event.payload.previous[name])} → ${shown(value)}`;
    }),
  };
}

/** The applicant's side: fees, documents, answers to requests for documents. */
function describeApplication(
  event: EventOf<
    | "case.express_tier_chosen"
    | "case.fee_paid"
    | "case.document_attached"
    | "case.documents_requested"
    | "case.documents_provided"
  >,
  context: TimelineContext,
): Description {
  const { t, locale, definition } = context;
  const documentName = documentNameIn(context);
  switch (event.type) {
    case "case.express_tier_chosen": {
      const tier = definition.fee.expressTiers.find((one) => one.code === event.payload.tier);
      return {
        title: t("workspace.timeline.tierChosen"),
        lines: [tier ? tier.name[locale] : t("workspace.timeline.standardTier")],
      };
    }
    case "case.fee_paid":
      return {
        title: t("workspace.timeline.feePaid"),
        lines: [formatMoney(event.payload.amountMinor, locale, { currency: definition.fee.currency })],
      };
    case "case.document_attached":
      return {
        title: t("workspace.timeline.documentAttached", { name: documentName(event.payload.code) }),
        lines: [event.payload.fileName],
      };
    case "case.documents_requested":
      return {
        title: t("workspace.timeline.documentsRequested"),
        lines: [event.payload.codes.map(documentName).join(", "), ...paragraphs(event.payload.message)],
      };
    case "case.documents_provided":
      return { title: t("workspace.timeline.documentsProvided"), lines: paragraphs(event.payload.message) };
  }
}

/** The officers' side: the workflow, assignment and tasks for other agencies. */
function describeWork(
  event: EventOf<"case.transitioned" | "case.assigned" | "case.task_created" | "case.task_completed">,
  context: TimelineContext,
  taskCodes: Map<string, string>,
): Description {
  const { t, locale, definition, people, agencies } = context;
  switch (event.type) {
    case "case.transitioned": {
      const transition = definition.transitions.find((one) => one.name === event.payload.transition);
      const stateLabel = (name: string) => definition.states[name]?.label[locale] ?? name;
      const moved = { from: stateLabel(event.payload.from), to: stateLabel(event.payload.to) };
      return {
        title: transition?.label[locale] ?? event.payload.transition,
        lines: [t("workspace.timeline.moved", moved)],
      };
    }
    case "case.assigned": {
      if (!event.payload.officerId) return { title: t("workspace.timeline.unassigned"), lines: [] };
      const name = people.get(event.payload.officerId)?.fullName ?? t("workspace.timeline.unknownPerson");
      return { title: t("workspace.timeline.assigned", { name }), lines: [] };
    }
    case "case.task_created": {
      const task = definition.tasks.find((one) => one.code === event.payload.code);
      const agency = agencies.get(event.payload.agencyId)?.[locale];
      return {
        title: t("workspace.timeline.taskCreated", { name: task?.name[locale] ?? event.payload.code }),
        lines: agency ? [agency] : [],
      };
    }
    case "case.task_completed": {
      const code = taskCodes.get(event.payload.taskId);
      const task = definition.tasks.find((one) => one.code === code);
      const result = task?.results.find((one) => one.value === event.payload.result);
      return {
        title: t("workspace.timeline.taskCompleted", { name: task?.name[locale] ?? code ?? "" }),
        lines: [result?.label[locale] ?? event.payload.result, ...paragraphs(event.payload.comment)],
      };
    }
  }
}

function describeDecision(
  event: EventOf<"case.decision_drafted" | "case.decision_returned" | "case.decision_issued">,
  context: TimelineContext,
): Description {
  const { t, locale, definition } = context;
  const outcomeLabel = (code: string) =>
    definition.outcomes.find((one) => one.code === code)?.label[locale] ?? code;
  switch (event.type) {
    case "case.decision_drafted":
      return {
        title: t("workspace.timeline.decisionDrafted", { outcome: outcomeLabel(event.payload.outcome) }),
        lines: paragraphs(event.payload.reasons),
      };
    case "case.decision_returned":
      return { title: t("workspace.timeline.decisionReturned"), lines: paragraphs(event.payload.comment) };
    case "case.decision_issued": {
      const { documentNumber, validFrom, validTo } = event.payload;
      const lines: string[] = [];
      if (documentNumber) lines.push(t("workspace.timeline.documentNumber", { number: documentNumber }));
      if (validFrom && validTo) {
        const validity = { from: context.formatDate(validFrom), to: context.formatDate(validTo) };
        lines.push(t("workspace.timeline.validity", validity));
      }
      return {
        title: t("workspace.timeline.decisionIssued", { outcome: outcomeLabel(event.payload.outcome) }),
        lines,
      };
    }
  }
}

function describeExchange(
  event: EventOf<"case.note_added" | "case.message_sent">,
  { t }: TimelineContext,
): Description {
  if (event.type === "case.note_added") {
    return { title: t("workspace.timeline.note"), lines: paragraphs(event.payload.text) };
  }
  return {
    title:
      event.payload.from === "officer"
        ? t("workspace.timeline.messageToApplicant")
        : t("workspace.timeline.messageFromApplicant"),
    lines: paragraphs(event.payload.text),
  };
}

/** The case's history, newest first: every event, notes and messages included. */
export function caseTimeline(events: CaseEvent[], context: TimelineContext): TimelineItem[] {
  const taskCodes = new Map<string, string>();
  for (const event of events) {
    if (event.type === "case.task_created") taskCodes.set(event.payload.taskId, event.payload.code);
  }
  return events
    .map((event) => ({
      seq: event.seq,
      type: event.type.replace("case.", ""),
      at: event.at,
      byline: actorName(event, context),
      ...describe(event, context, taskCodes),
    }))
    .reverse();
}
