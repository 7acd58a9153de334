import type { CaseState } from "../engine/case-state.js";
import { awaitsManualCheck } from "../portal/applicant-state-label.js";
import { mailApplicantNotice, type NoticeServices } from "./mail-applicant-notice.js";

/**
 * After cases were submitted through a channel that sends no confirmation of its own (a host's
 * system, a host's file): the applicant of each held case is told that it needs a manual check,
 * in the same neutral words as the portal, once per case.
 */
export async function notifyOfManualChecks(services: NoticeServices, states: CaseState[]): Promise<number> {
  let sent = 0;
  for (const state of states) {
    if (!awaitsManualCheck(state)) continue;
    if (await mailApplicantNotice(services, state, { kind: "manualCheck" }, `manual-check-${state.id}`))
      sent++;
  }
  return sent;
}
