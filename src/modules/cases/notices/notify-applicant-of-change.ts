import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadEvents } from "../engine/event-store.js";
import type { CaseEvent } from "../engine/events.js";
import { type ApplicantNotice, mailApplicantNotice, type NoticeServices } from "./mail-applicant-notice.js";

/** The message id of the notice about the event `seq` of a case: the same event, the same message. */
export function noticeMessageId(caseId: string, seq: number): string {
  return `notice-${caseId}-${seq}`;
}

/**
 * What a move of the workflow changes for the applicant, if anything: a decision issued, documents
 * asked for, the case put on hold (it enters a state that stops the legal clock) or taken up again
 * (it leaves such a state for one where the case is worked on). A move's effect event comes right
 * before its `case.transitioned` event, in the same change.
 */
function noticeOfTransition(
  transitioned: Extract<CaseEvent, { type: "case.transitioned" }>,
  effect: CaseEvent | undefined,
  definition: CaseTypeDefinition,
): ApplicantNotice | null {
  const from = definition.states[transitioned.payload.from];
  const to = definition.states[transitioned.payload.to];
  if (effect?.type === "case.decision_issued") return { kind: "decisionIssued" };
  if (effect?.type === "case.documents_requested") {
    return {
      kind: "documentsRequested",
      documentCodes: effect.payload.codes,
      clockStopped: Boolean(to?.pausesDeadline),
    };
  }
  if (to?.pausesDeadline && !from?.pausesDeadline) return { kind: "paused" };
  if (
    from?.pausesDeadline &&
    !to?.pausesDeadline &&
    (to?.category === "open" || to?.category === "waiting")
  ) {
    return { kind: "resumed" };
  }
  return null;
}

/**
 * After a case changed (its events after `sinceSeq` are the change): e-mails the applicant about
 * each move that changes what they must do or can expect. Each notice's message id is the seq of
 * its move, so calling this again for the same change, or for an overlapping one, sends nothing twice.
 */
export async function notifyApplicantOfChange(
  services: NoticeServices,
  state: CaseState,
  sinceSeq: number,
): Promise<number> {
  const definition = services.cases.registry.get(state.typeCode, state.typeVersion);
  // A case an officer registered has no applicant account, but may have followers to tell.
  if (!state.applicantUserId && !definition.access?.representatives) return 0;
  const events = await loadEvents(services.cases.db, state.id);
  let sent = 0;
  for (const [index, event] of events.entries()) {
    if (event.seq <= sinceSeq || event.type !== "case.transitioned") continue;
    const previous = events[index - 1];
    const effect = previous && previous.seq > sinceSeq ? previous : undefined;
    const notice = noticeOfTransition(event, effect, definition);
    if (
      notice &&
      (await mailApplicantNotice(services, state, notice, noticeMessageId(state.id, event.seq)))
    ) {
      sent++;
    }
  }
  return sent;
}
