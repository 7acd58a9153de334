import { DomainError } from "../../../platform/errors/index.js";
import type { DetentionLaw } from "./detention-law.js";

/** What the rules need from the legal calendar: working days. */
export interface WorkingDays {
  addWorkingDays(date: string, n: number): string;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = datePattern.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return iso(year, month, day + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The last day of a period of `months` months that begins on `start` (its first day). The period
 * runs to the day before the same date `months` later (2 March + 3 months: up to 1 June); where that
 * month is shorter, the same date is its last day (31 January + 1 month: the date is 28 February, so
 * the period ends on 27 February). The shorter reading is taken on purpose: a doubt about a
 * deprivation of liberty is resolved in favour of release.
 */
export function lastDayOfMonths(start: string, months: number): string {
  const [year, month, day] = parts(start);
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = (targetMonthIndex % 12) + 1;
  const daysInTarget = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return addDays(iso(targetYear, targetMonth, Math.min(day, daysInTarget)), -1);
}

/** The last lawful day of a first period that starts on `start`, as long as the law allows. */
export function initialPermittedEnd(law: DetentionLaw, start: string): string {
  return lastDayOfMonths(start, law.initialPeriod.months);
}

/** No period of a stay that started on `start` may end after this day, however often it is extended. */
export function absoluteLimit(law: DetentionLaw, start: string): string {
  return lastDayOfMonths(start, law.maximumTotal.months);
}

/** The latest day one extension of a period ending on `currentUntil` may reach (before the maximum). */
export function longestExtensionEnd(law: DetentionLaw, currentUntil: string): string {
  return lastDayOfMonths(addDays(currentUntil, 1), law.extensionPeriod.months);
}

/** The latest day an extension recorded now may reach: one extension's length, never past the maximum. */
export function latestExtensionEnd(
  law: DetentionLaw,
  stay: { startDate: string; permittedUntil: string },
): string {
  const longest = longestExtensionEnd(law, stay.permittedUntil);
  const maximum = absoluteLimit(law, stay.startDate);
  return [longest, maximum].sort()[0] as string;
}

/** A refusal of a period the law does not allow; `details` names the limit and the last lawful day. */
export class DetentionLimitError extends DomainError {
  constructor(
    code:
      | "detention_period_beyond_initial"
      | "detention_extension_beyond_maximum"
      | "detention_extension_too_long",
    limit: { months: number; lastLawfulDay: string },
  ) {
    super(code, 422, `detention.errors.${code}`, limit, {
      months: limit.months,
      date: limit.lastLawfulDay,
    });
    this.name = "DetentionLimitError";
  }
}

/**
 * The first period as ordered: `until` (a court may order less than the law allows) or, when none
 * is given, the whole first period. Refused beyond the law's first period.
 */
export function checkInitialPeriod(law: DetentionLaw, start: string, until: string | null): string {
  const longest = initialPermittedEnd(law, start);
  if (until === null) return longest;
  if (until > longest) {
    throw new DetentionLimitError("detention_period_beyond_initial", {
      months: law.initialPeriod.months,
      lastLawfulDay: longest,
    });
  }
  return until;
}

/**
 * Checks an extension from `currentUntil` to `newUntil` of a stay that started on `start`: beyond
 * the maximum total it is refused naming the maximum; longer than one extension may be it is refused
 * naming the extension's length. `newUntil` must be later than `currentUntil` (checked by the form).
 */
export function checkExtension(
  law: DetentionLaw,
  stay: { startDate: string; permittedUntil: string },
  newUntil: string,
): void {
  const maximum = absoluteLimit(law, stay.startDate);
  if (newUntil > maximum) {
    throw new DetentionLimitError("detention_extension_beyond_maximum", {
      months: law.maximumTotal.months,
      lastLawfulDay: maximum,
    });
  }
  const longest = longestExtensionEnd(law, stay.permittedUntil);
  if (newUntil > longest) {
    throw new DetentionLimitError("detention_extension_too_long", {
      months: law.extensionPeriod.months,
      lastLawfulDay: longest,
    });
  }
}

/**
 * The day the centre's head and the responsible officer are told that a period ends: the working
 * day (of the legal calendar) `headNoticeWorkingDays` before the last lawful day. A period ending
 * on a Monday is announced on the Friday before; one ending after a holiday, on the working day
 * before the holiday.
 */
export function headNoticeDate(law: DetentionLaw, calendar: WorkingDays, permittedUntil: string): string {
  return calendar.addWorkingDays(permittedUntil, -law.headNoticeWorkingDays.workingDays);
}

/** Release is due on the last lawful day when no extension is recorded by then. */
export function releaseDueDate(permittedUntil: string): string {
  return permittedUntil;
}

export type StayStanding = "in_time" | "expiring" | "due_today" | "overdue";

/** Where a stay in detention stands on `today`: overdue the day after its last lawful day. */
export function stayStanding(
  law: DetentionLaw,
  calendar: WorkingDays,
  permittedUntil: string,
  today: string,
): StayStanding {
  if (today > permittedUntil) return "overdue";
  if (today === releaseDueDate(permittedUntil)) return "due_today";
  if (today >= headNoticeDate(law, calendar, permittedUntil)) return "expiring";
  return "in_time";
}
