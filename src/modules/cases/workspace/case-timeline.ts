import type { Locale, Translator } from "../../../platform/http/index.js";
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

function describe(
  event: CaseEvent,
  context: TimelineContext,
  taskCodes: Map<string, string>,
): { title: string; lines: string[] } {
  const { t, locale, definition, people, agencies } = context;
  const documentName = (code: string) =>
    definition.documents.find((one) => one.code === code)?.name[locale] ?? code;
  const outcomeLabel = (code: string) =>
    definition.outcomes.find((one) => one.code === code)?.label[locale] ?? code;
  const stateLabel = (name: string) => definition.states[name]?.label[locale] ?? name;
  switch (event.type) {
    case "case.created":
      return { title: t("workspace.timeline.created"), lines: [] };
    case "case.answers_saved":
      return { title: t("workspace.timeline.answersSaved"), lines: [] };
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
        lines: [t("workspace.timeline.amount", { amount: (event.payload.amountMinor / 100).toFixed(2) })],
      };
    case "case.document_attached":
      return {
        title: t("workspace.timeline.documentAttached", { name: documentName(event.payload.code) }),
        lines: [event.payload.fileName],
      };
    case "case.document_removed":
      return { title: t("workspace.timeline.documentRemoved"), lines: [] };
    case "case.submitted":
      return { title: t("workspace.timeline.submitted"), lines: [] };
    case "case.transitioned": {
      const transition = definition.transitions.find((one) => one.name === event.payload.transition);
      return {
        title: transition?.label[locale] ?? event.payload.transition,
        lines: [
          t("workspace.timeline.moved", {
            from: stateLabel(event.payload.from),
            to: stateLabel(event.payload.to),
          }),
        ],
      };
    }
    case "case.documents_requested":
      return {
        title: t("workspace.timeline.documentsRequested"),
        lines: [event.payload.codes.map(documentName).join(", "), ...paragraphs(event.payload.message)],
      };
    case "case.documents_provided":
      return { title: t("workspace.timeline.documentsProvided"), lines: paragraphs(event.payload.message) };
    case "case.assigned": {
      const officer = event.payload.officerId ? people.get(event.payload.officerId) : undefined;
      return event.payload.officerId
        ? {
            title: t("workspace.timeline.assigned", {
              name: officer?.fullName ?? t("workspace.timeline.unknownPerson"),
            }),
            lines: [],
          }
        : { title: t("workspace.timeline.unassigned"), lines: [] };
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
    case "case.decision_drafted":
      return {
        title: t("workspace.timeline.decisionDrafted", { outcome: outcomeLabel(event.payload.outcome) }),
        lines: paragraphs(event.payload.reasons),
      };
    case "case.decision_approved":
      return { title: t("workspace.timeline.decisionApproved"), lines: [] };
    case "case.decision_returned":
      return { title: t("workspace.timeline.decisionReturned"), lines: paragraphs(event.payload.comment) };
    case "case.decision_issued": {
      const lines: string[] = [];
      if (event.payload.documentNumber) {
        lines.push(t("workspace.timeline.documentNumber", { number: event.payload.documentNumber }));
      }
      if (event.payload.validFrom && event.payload.validTo) {
        lines.push(
          t("workspace.timeline.validity", {
            from: context.formatDate(event.payload.validFrom),
            to: context.formatDate(event.payload.validTo),
          }),
        );
      }
      return {
        title: t("workspace.timeline.decisionIssued", { outcome: outcomeLabel(event.payload.outcome) }),
        lines,
      };
    }
    case "case.note_added":
      return { title: t("workspace.timeline.note"), lines: paragraphs(event.payload.text) };
    case "case.message_sent":
      return {
        title:
          event.payload.from === "officer"
            ? t("workspace.timeline.messageToApplicant")
            : t("workspace.timeline.messageFromApplicant"),
        lines: paragraphs(event.payload.text),
      };
  }
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
