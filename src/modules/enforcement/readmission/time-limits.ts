import type { Agreement, TimeLimit } from "./agreements.js";

/**
 * The agreement's time limits as pure functions of legal dates (`YYYY-MM-DD`). The day of the
 * event is day 0 and is not counted. Working days are the requested state's: for an incoming
 * request (Azerbaijan replies) the country's legal calendar, for an outgoing one the caller passes
 * the partner's rule (Karvan holds no partner calendars, so Monday to Friday). A calendar-day time
 * limit ends on the day it ends, even a day off: the treaty counts days, and the domestic rule that
 * moves a deadline to the next working day is the country's law, not the agreement's.
 */
export type IsWorkingDay = (date: string) => boolean;

const dayMs = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / dayMs;
}

function dateOf(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Monday to Friday: the working days of a partner state whose calendar Karvan does not hold. */
export const mondayToFriday: IsWorkingDay = (date) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The last day of a time limit that starts on `start` (day 0). */
export function endOfTimeLimit(
  start: string,
  limit: Pick<TimeLimit, "amount" | "unit">,
  isWorkingDay: IsWorkingDay,
): string {
  if (limit.unit === "months") return addMonths(start, limit.amount);
  if (limit.unit === "calendar") return addCalendarDays(start, limit.amount);
  let day = dayNumber(start);
  let counted = 0;
  while (counted < limit.amount) {
    day++;
    if (isWorkingDay(dateOf(day))) counted++;
  }
  return dateOf(day);
}

/** The last day to send a request, counted from the day the requesting state learnt of the case. */
export function requestDeadline(
  agreement: Agreement,
  caseKnownOn: string,
  isWorkingDay: IsWorkingDay,
): string {
  return endOfTimeLimit(caseKnownOn, agreement.timeLimits.request, isWorkingDay);
}

export type Procedure = "normal" | "accelerated";

/** The last day to reply, counted from the day the requested state received the request. */
export function replyDeadline(
  agreement: Agreement,
  procedure: Procedure,
  receivedOn: string,
  isWorkingDay: IsWorkingDay,
): string {
  const limit =
    procedure === "accelerated" ? agreement.timeLimits.replyAccelerated : agreement.timeLimits.replyNormal;
  return endOfTimeLimit(receivedOn, limit, isWorkingDay);
}

/** The longest extension the agreement allows, in its unit. */
export function maximumExtension(agreement: Agreement): TimeLimit {
  return agreement.timeLimits.extension;
}

export class ExtensionNotAllowedError extends Error {}

/**
 * The reply deadline after an extension of `days` (at most the agreement's extension), counted on
 * from the original deadline. Only the normal procedure is extended, once, and only before the
 * original deadline has passed.
 */
export function extendedReplyDeadline(
  agreement: Agreement,
  request: { procedure: Procedure; replyDue: string; extendedReplyDue: string | null },
  days: number,
  requestedOn: string,
  isWorkingDay: IsWorkingDay,
): string {
  const extension = maximumExtension(agreement);
  if (request.procedure !== "normal") throw new ExtensionNotAllowedError("accelerated");
  if (request.extendedReplyDue !== null) throw new ExtensionNotAllowedError("already_extended");
  if (requestedOn > request.replyDue) throw new ExtensionNotAllowedError("deadline_passed");
  if (!Number.isInteger(days) || days < 1 || days > extension.amount)
    throw new ExtensionNotAllowedError("too_long");
  return endOfTimeLimit(request.replyDue, { amount: days, unit: extension.unit }, isWorkingDay);
}

/** The deadline in force: the extended one when there is one. */
export function effectiveReplyDue(request: { replyDue: string; extendedReplyDue: string | null }): string {
  return request.extendedReplyDue ?? request.replyDue;
}

/**
 * The day the transfer counts as agreed for want of a reply: the day after the deadline in force,
 * once that day has come, when the agreement has the rule and no reply was recorded. Else null.
 */
export function deemedAgreementDate(
  agreement: Agreement,
  request: { replyDue: string; extendedReplyDue: string | null; replyOn: string | null },
  today: string,
): string | null {
  if (!agreement.deemedAgreement.applies || request.replyOn !== null) return null;
  const firstDayAfter = addCalendarDays(effectiveReplyDue(request), 1);
  return today >= firstDayAfter ? firstDayAfter : null;
}

/** The last day of the transfer, counted from the day consent exists (reply or deemed agreement). */
export function transferDeadline(agreement: Agreement, agreedOn: string, isWorkingDay: IsWorkingDay): string {
  return endOfTimeLimit(agreedOn, agreement.timeLimits.transfer, isWorkingDay);
}

/** The last day for the requested state's travel document, counted from the day consent exists. */
export function travelDocumentDeadline(
  agreement: Agreement,
  agreedOn: string,
  isWorkingDay: IsWorkingDay,
): string {
  return endOfTimeLimit(agreedOn, agreement.timeLimits.travelDocument, isWorkingDay);
}

/** Days from `today` to `due` (negative when passed): the dashboard warns at `approachingDays` or fewer. */
export function daysLeft(today: string, due: string): number {
  return dayNumber(due) - dayNumber(today);
}

export const approachingDays = 3;
