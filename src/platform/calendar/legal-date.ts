import { InvalidLegalDateError } from "./errors.js";

/**
 * A legal date: a day of the country's calendar, written YYYY-MM-DD, with no time and no zone.
 * Deadlines are counted in legal dates, never in instants, because the law counts days.
 *
 * From an instant to a legal date: the instant (a UTC timestamp, a JS Date) is read on the
 * wall clock of the country's zone, and its date there is the legal date. An application
 * submitted at 2025-03-19T21:30Z was submitted on 2025-03-20 in Baku (UTC+4).
 */
export type LegalDate = string;

/** What the calendar accepts where it needs a day: a legal date, or an instant read in the zone. */
export type DayInput = LegalDate | Date;

const legalDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

/**
 * Days since 1970-01-01: the calendar does its arithmetic on these whole numbers, so that
 * adding a day never meets a clock change or a zone.
 */
export type DayNumber = number;

export function dayNumberOf(date: LegalDate): DayNumber {
  const match = legalDatePattern.exec(date);
  if (!match) throw new InvalidLegalDateError(date);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const milliseconds = Date.UTC(year, month - 1, day);
  const check = new Date(milliseconds);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new InvalidLegalDateError(date);
  }
  return Math.round(milliseconds / millisecondsPerDay);
}

export function legalDateOfDayNumber(day: DayNumber): LegalDate {
  return new Date(day * millisecondsPerDay).toISOString().slice(0, 10);
}

export function isLegalDate(value: string): boolean {
  try {
    dayNumberOf(value);
    return true;
  } catch {
    return false;
  }
}

/** ISO weekday: Monday is 1, Sunday is 7 (1970-01-01 was a Thursday). */
export function isoWeekdayOf(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function yearOfDayNumber(day: DayNumber): number {
  return new Date(day * millisecondsPerDay).getUTCFullYear();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError when the zone is unknown to this Node's time-zone database. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The legal date of an instant: its date on the wall clock of `timeZone`. */
export function legalDateAt(instant: Date, timeZone: string): LegalDate {
  if (Number.isNaN(instant.getTime())) throw new InvalidLegalDateError(String(instant));
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A day input as a day number: strings must already be legal dates, instants are read in the zone. */
export function dayNumberOfInput(input: DayInput, timeZone: string): DayNumber {
  return dayNumberOf(typeof input === "string" ? input : legalDateAt(input, timeZone));
}
