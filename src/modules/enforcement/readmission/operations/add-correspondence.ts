import type { ReadmissionContext } from "../readmission-module.js";
import { requestStatuses } from "../request-record.js";
import { changeRequest } from "./change-request.js";

/** A letter, e-mail, call or meeting with the partner's authority, in the request's log. */
export async function addCorrespondence(
  context: ReadmissionContext,
  id: string,
  entry: { kind: string; direction: "sent" | "received"; onDate: string; note: string },
): Promise<void> {
  await changeRequest(context, id, {
    action: "correspondence_added",
    from: requestStatuses,
    apply: () => ({ change: {}, log: entry }),
  });
}
