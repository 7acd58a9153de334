import { type Agreement, agreementByCode } from "./agreements.js";
import type { ReadmissionContext } from "./readmission-module.js";
import type { Direction } from "./request-record.js";
import { type IsWorkingDay, mondayToFriday } from "./time-limits.js";

/**
 * The requested state's working days: Azerbaijan's legal calendar for an incoming request, Monday
 * to Friday for a partner state (Karvan holds no partner calendars).
 */
export function requestedStateWorkingDay(
  context: Pick<ReadmissionContext, "calendar">,
  direction: Direction,
): IsWorkingDay {
  return direction === "in" ? (date) => context.calendar.isWorkingDay(date) : mondayToFriday;
}

/** The agreement a stored request was made under; a request always names a shipped agreement. */
export function agreementOf(request: { agreementCode: string }): Agreement {
  const agreement = agreementByCode(request.agreementCode);
  if (!agreement) throw new Error(`readmission agreement ${request.agreementCode} is not configured`);
  return agreement;
}
