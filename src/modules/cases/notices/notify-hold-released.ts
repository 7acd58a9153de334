import type { CaseState } from "../engine/case-state.js";
import { loadEvents } from "../engine/event-store.js";
import { mailApplicantNotice, type NoticeServices } from "./mail-applicant-notice.js";
import { noticeMessageId } from "./notify-applicant-of-change.js";

/**
 * After an officer released a hold (its events after `sinceSeq`): a case decided on release (a
 * registration) tells the applicant of the decision, as its submission would have. Other cases go
 * on silently: the applicant was told of a manual check, and hears again when there is news.
 */
export async function notifyApplicantOfRelease(
  services: NoticeServices,
  state: CaseState,
  sinceSeq: number,
): Promise<boolean> {
  const events = await loadEvents(services.cases.db, state.id);
  const issued = events.find((event) => event.seq > sinceSeq && event.type === "case.decision_issued");
  if (!issued) return false;
  return mailApplicantNotice(
    services,
    state,
    { kind: "decisionIssued" },
    noticeMessageId(state.id, issued.seq),
  );
}
