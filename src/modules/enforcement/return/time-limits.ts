import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { ReturnLaw } from "./return-law.js";

/** What the rules need from the legal calendar. */
export type ReturnCalendar = Pick<
  LegalCalendar,
  "legalDate" | "addWorkingDays" | "addCalendarDays" | "isWorkingDay"
>;

/** The period an order gives, as its answers say: the law's hours, or a number of days. */
export type DeparturePeriod = { kind: "hours" } | { kind: "days"; days: number };

/** The period of an order's answers (`departurePeriod`, `departureDays`). */
export function departurePeriodOf(answers: Record<string, unknown>): DeparturePeriod {
  if (answers.departurePeriod === "days" && typeof answers.departureDays === "number") {
    return { kind: "days", days: answers.departureDays };
  }
  return { kind: "hours" };
}

/** When the person must have left: the last day, and the instant too when the period is in hours. */
export interface DepartureDeadline {
  dueDate: string;
  dueAt: string | null;
}

/**
 * The departure deadline of an order notified at `notifiedAt`. Hours run from the instant of the
 * notice, whatever the day (48 hours from Friday 15:00 end on Sunday 15:00). Days run from the day
 * after the notice, in calendar or working days as the law says; a last day that is not a working
 * day moves to the next working day when the law says so.
 */
export function departureDeadline(
  law: ReturnLaw,
  calendar: ReturnCalendar,
  notifiedAt: Date,
  period: DeparturePeriod,
): DepartureDeadline {
  if (period.kind === "hours") {
    const dueAt = new Date(notifiedAt.getTime() + law.departureHours.hours * 3_600_000);
    return { dueDate: calendar.legalDate(dueAt), dueAt: dueAt.toISOString() };
  }
  const notice = calendar.legalDate(notifiedAt);
  const rule = law.departureDays;
  let due =
    rule.unit === "working"
      ? calendar.addWorkingDays(notice, period.days)
      : calendar.addCalendarDays(notice, period.days);
  if (rule.lastDayMovesToWorkingDay && !calendar.isWorkingDay(due)) due = calendar.addWorkingDays(due, 1);
  return { dueDate: due, dueAt: null };
}

/**
 * The day the responsible officer is told that the deadline is near: `alertWorkingDays` working
 * days before the last day (a deadline on a Monday is announced on the Friday before).
 */
export function departureAlertDate(law: ReturnLaw, calendar: ReturnCalendar, dueDate: string): string {
  return calendar.addWorkingDays(dueDate, -law.alertWorkingDays.workingDays);
}

export type DepartureStanding = "in_time" | "due_soon" | "overdue";

/** Where an order whose person has neither left nor been removed stands on `today`. */
export function departureStanding(
  law: ReturnLaw,
  calendar: ReturnCalendar,
  dueDate: string,
  today: string,
): DepartureStanding {
  if (today > dueDate) return "overdue";
  return today >= departureAlertDate(law, calendar, dueDate) ? "due_soon" : "in_time";
}
