import type { ReadmissionContext } from "../readmission-module.js";
import { agreementOf, requestedStateWorkingDay } from "../request-dates.js";
import { transferDeadline, travelDocumentDeadline } from "../time-limits.js";
import { changeRequest } from "./change-request.js";

/**
 * The requested state's reply: an agreement starts the transfer and travel-document times; a
 * refusal carries its reasons (the agreement asks for them) and ends the request.
 */
export async function recordReply(
  context: ReadmissionContext,
  id: string,
  reply: { decision: "agree" | "refuse"; onDate: string; reasons: string },
): Promise<void> {
  await changeRequest(context, id, {
    action: reply.decision === "agree" ? "agreed" : "refused",
    from: ["awaiting_reply"],
    apply(request) {
      const agreement = agreementOf(request);
      const workingDay = requestedStateWorkingDay(context, request.direction);
      const base = {
        replyOn: reply.onDate,
        replyDecision: reply.decision,
        replyReasons: reply.reasons || null,
      };
      const log = {
        kind: reply.decision === "agree" ? "reply_agree" : "reply_refuse",
        direction: request.direction === "out" ? ("received" as const) : ("sent" as const),
        onDate: reply.onDate,
        note: reply.reasons,
      };
      if (reply.decision === "refuse") return { change: { ...base, status: "refused" }, log };
      return {
        change: {
          ...base,
          status: "agreed",
          agreedOn: reply.onDate,
          transferDue: transferDeadline(agreement, reply.onDate, workingDay),
          travelDocumentDue: travelDocumentDeadline(agreement, reply.onDate, workingDay),
        },
        log,
      };
    },
  });
}
