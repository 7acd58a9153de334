import type { ReadmissionContext } from "../readmission-module.js";
import { changeRequest } from "./change-request.js";

/** The person was handed over: the request is complete. */
export async function completeRequest(
  context: ReadmissionContext,
  id: string,
  completion: { onDate: string; note: string },
): Promise<void> {
  await changeRequest(context, id, {
    action: "completed",
    from: ["transfer_arranged"],
    apply: () => ({
      change: { status: "completed", completedOn: completion.onDate },
      log: { kind: "completed", direction: "internal", onDate: completion.onDate, note: completion.note },
    }),
  });
}
