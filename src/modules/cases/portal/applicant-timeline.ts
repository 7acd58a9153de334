import type { Locale, Translator } from "../../../platform/http/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseEvent } from "../engine/events.js";

export interface TimelineEntry {
  at: Date;
  title: string;
  /** What the officer or the applicant wrote, shown as it was written. */
  text?: string | undefined;
  /** Names of the documents asked for. */
  documents?: string[] | undefined;
  from?: "officer" | "applicant" | undefined;
}

/**
 * What the applicant sees of their case's history: submission, requests for documents (with the
 * officer's message), documents sent, messages, withdrawal and the decision. Internal notes,
 * tasks, assignments and drafts of decisions are the agency's working papers and never appear.
 */
export function applicantTimeline(
  events: CaseEvent[],
  definition: CaseTypeDefinition,
  locale: Locale,
  t: Translator,
): TimelineEntry[] {
  const documentName = (code: string) =>
    definition.documents.find((document) => document.code === code)?.name[locale] ?? code;
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    switch (event.type) {
      case "case.submitted":
        entries.push({ at: event.at, title: t("portal.timeline.submitted") });
        break;
      case "case.documents_requested":
        entries.push({
          at: event.at,
          title: t("portal.timeline.documentsRequested"),
          text: event.payload.message || undefined,
          documents: event.payload.codes.map(documentName),
          from: "officer",
        });
        break;
      case "case.documents_provided":
        entries.push({
          at: event.at,
          title: t("portal.timeline.documentsProvided"),
          text: event.payload.message || undefined,
          from: "applicant",
        });
        break;
      case "case.message_sent":
        entries.push({
          at: event.at,
          title: t(
            event.payload.from === "officer"
              ? "portal.timeline.messageFromOfficer"
              : "portal.timeline.messageFromYou",
          ),
          text: event.payload.text,
          from: event.payload.from,
        });
        break;
      case "case.transitioned": {
        const transition = definition.transitions.find((one) => one.name === event.payload.transition);
        if (transition?.effect === "withdraw")
          entries.push({ at: event.at, title: t("portal.timeline.withdrawn") });
        break;
      }
      case "case.held":
        // Neutral words only: the applicant is not told what was checked, nor against what.
        entries.push({ at: event.at, title: t("portal.timeline.manualCheck") });
        break;
      case "case.decision_issued": {
        const outcome = definition.outcomes.find((one) => one.code === event.payload.outcome);
        entries.push({
          at: event.at,
          title: t("portal.timeline.decisionIssued", {
            outcome: outcome?.label[locale] ?? event.payload.outcome,
          }),
        });
        break;
      }
      default:
        break;
    }
  }
  return entries.reverse();
}

/** When the officer last asked for documents: what is uploaded after it answers the request. */
export function lastDocumentRequest(
  events: CaseEvent[],
): { at: Date; message: string; codes: string[] } | undefined {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event?.type === "case.documents_requested") {
      return { at: event.at, message: event.payload.message, codes: event.payload.codes };
    }
  }
  return undefined;
}
