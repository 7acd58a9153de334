import { ConflictError } from "../../../../platform/errors/index.js";
import type { ReadmissionContext } from "../readmission-module.js";
import { agreementOf, requestedStateWorkingDay } from "../request-dates.js";
import { ExtensionNotAllowedError, extendedReplyDeadline } from "../time-limits.js";
import { changeRequest } from "./change-request.js";

/** The reply time extended on a substantiated request, as the agreement allows (see `extendedReplyDeadline`). */
export async function extendReply(
  context: ReadmissionContext,
  id: string,
  extension: { days: number; onDate: string; reason: string },
): Promise<void> {
  await changeRequest(context, id, {
    action: "extended",
    from: ["awaiting_reply"],
    apply(request) {
      const workingDay = requestedStateWorkingDay(context, request.direction);
      let due: string;
      try {
        due = extendedReplyDeadline(
          agreementOf(request),
          request,
          extension.days,
          extension.onDate,
          workingDay,
        );
      } catch (error) {
        if (!(error instanceof ExtensionNotAllowedError)) throw error;
        throw new ConflictError(
          `readmission_extension_${error.message}`,
          `readmission.errors.extension.${error.message}`,
        );
      }
      return {
        change: { extendedReplyDue: due, extensionDays: extension.days, extensionReason: extension.reason },
        log: {
          kind: "extension",
          direction: request.direction === "out" ? ("received" as const) : ("sent" as const),
          onDate: extension.onDate,
          note: extension.reason,
        },
      };
    },
  });
}
