import type { DayTable } from "./day-table.js";
import { InvalidDeadlineError } from "./errors.js";
import {
  type DayInput,
  type DayNumber,
  dayNumberOf,
  dayNumberOfInput,
  type LegalDate,
  legalDateOfDayNumber,
  yearOfDayNumber,
} from "./legal-date.js";

/**
 * Legal deadlines, counted the way the law counts them:
 *
 * - The day of the event that starts the time (the application is submitted) is day 0 and is
 *   not counted; counting starts the next day.
 * - "working" deadlines count working days of the legal calendar; the last counted day is the
 *   deadline, so it is always a working day.
 * - "calendar" deadlines count every day; when the last day is a non-working day, the country
 *   rule decides: in Azerbaijan it moves to the next working day (see data/az.json,
 *   `deadlines.reference`), elsewhere it may stay (`unchanged`).
 * - A pause (the applicant is asked for missing documents) stops the clock: the days after the
 *   day it starts, up to and including the day it ends, are not counted. The day the answer
 *   arrives is day 0 of the remaining time, as for the start. A pause with no end keeps the
 *   clock stopped: the deadline is unknown until it ends.
 * - Express tiers are not a rule of their own: they are shorter amounts.
 */
export interface DeadlineSpec {
  /** The event that starts the legal time: a legal date, or an instant read in the country's zone. */
  start: DayInput;
  /** Whole days, at least 1. */
  amount: number;
  unit: "working" | "calendar";
  pauses?: ReadonlyArray<{ from: DayInput; to?: DayInput | null }>;
}

interface DeadlineCommon {
  start: LegalDate;
  amount: number;
  unit: DeadlineSpec["unit"];
  /** True when a year the count went through has provisional data (estimated religious holidays). */
  provisional: boolean;
}

export type Deadline =
  | (DeadlineCommon & {
      status: "counting";
      /** The last day on which the authority may act. */
      due: LegalDate;
      /** For calendar days: the non-working day the count ended on, before it moved; else null. */
      movedFrom: LegalDate | null;
    })
  | (DeadlineCommon & {
      status: "stopped";
      /** The day the open pause began. */
      stoppedSince: LegalDate;
      /** Days (of the deadline's unit) still to count when the pause ends. */
      remaining: number;
    });

export interface DeadlineProgress {
  deadline: Deadline;
  /** Days of the deadline's unit used from the start up to and including today, pauses excluded. */
  used: number;
  /** Days of the deadline's unit from the start to the due date (the amount while stopped). */
  total: number;
  /** used / total: 0.75 is the warning threshold, 1 is the due date, above 1 is overdue. */
  fraction: number;
  overdue: boolean;
}

interface Pause {
  from: DayNumber;
  to: DayNumber | null;
}

export function computeDeadline(table: DayTable, spec: DeadlineSpec): Deadline {
  const start = dayNumberOfInput(spec.start, table.timeZone);
  if (!Number.isInteger(spec.amount) || spec.amount < 1) {
    throw new InvalidDeadlineError(
      `A deadline amount must be a whole number of days, at least 1 (got ${spec.amount}).`,
    );
  }
  const pauses = normalizePauses(table, start, spec.pauses ?? []);
  const countable = spec.unit === "working" ? (day: DayNumber) => table.isWorking(day) : () => true;
  const common = { start: legalDateOfDayNumber(start), amount: spec.amount, unit: spec.unit };

  let counted = 0;
  let day = start;
  while (counted < spec.amount) {
    day++;
    const pause = pauses.find((p) => day > p.from && (p.to === null || day <= p.to));
    if (pause) {
      if (pause.to === null) {
        return {
          ...common,
          status: "stopped",
          stoppedSince: legalDateOfDayNumber(pause.from),
          remaining: spec.amount - counted,
          provisional: touchesProvisionalYear(table, start, pause.from),
        };
      }
      day = pause.to;
      continue;
    }
    if (countable(day)) counted++;
  }

  let due = day;
  if (spec.unit === "calendar" && table.calendarDaysEndingOnDayOff === "next-working-day") {
    while (!table.isWorking(due)) due++;
  }
  return {
    ...common,
    status: "counting",
    due: legalDateOfDayNumber(due),
    movedFrom: due === day ? null : legalDateOfDayNumber(day),
    provisional: touchesProvisionalYear(table, start, due),
  };
}

export function deadlineProgress(table: DayTable, spec: DeadlineSpec, now: DayInput): DeadlineProgress {
  const deadline = computeDeadline(table, spec);
  const start = dayNumberOfInput(spec.start, table.timeZone);
  const today = dayNumberOfInput(now, table.timeZone);
  const pauses = normalizePauses(table, start, spec.pauses ?? []);
  const countable = spec.unit === "working" ? (day: DayNumber) => table.isWorking(day) : () => true;
  const countBetween = (from: DayNumber, to: DayNumber) => {
    let count = 0;
    for (let day = from + 1; day <= to; day++) {
      const paused = pauses.some((p) => day > p.from && (p.to === null || day <= p.to));
      if (!paused && countable(day)) count++;
    }
    return count;
  };
  const used = countBetween(start, today);
  const due = deadline.status === "counting" ? dayNumberOf(deadline.due) : null;
  const total = due === null ? spec.amount : countBetween(start, due);
  const overdue = due !== null && today > due;
  return { deadline, used, total, fraction: used / total, overdue };
}

function normalizePauses(
  table: DayTable,
  start: DayNumber,
  pauses: NonNullable<DeadlineSpec["pauses"]>,
): Pause[] {
  const normalized = pauses
    .map((pause) => ({
      from: dayNumberOfInput(pause.from, table.timeZone),
      to: pause.to === undefined || pause.to === null ? null : dayNumberOfInput(pause.to, table.timeZone),
    }))
    .sort((a, b) => a.from - b.from);
  normalized.forEach((pause, index) => {
    const label = legalDateOfDayNumber(pause.from);
    if (pause.from < start) {
      throw new InvalidDeadlineError(`A pause cannot begin (${label}) before the legal time starts.`);
    }
    if (pause.to !== null && pause.to < pause.from) {
      throw new InvalidDeadlineError(`The pause that begins ${label} ends before it begins.`);
    }
    const next = normalized[index + 1];
    if (next && (pause.to === null || next.from < pause.to)) {
      throw new InvalidDeadlineError(
        `The pause that begins ${label} overlaps the next one; pauses follow each other.`,
      );
    }
  });
  return normalized;
}

function touchesProvisionalYear(table: DayTable, from: DayNumber, to: DayNumber): boolean {
  for (let year = yearOfDayNumber(from); year <= yearOfDayNumber(to); year++) {
    if (table.hasYear(year) && table.yearStatus(year) === "provisional") return true;
  }
  return false;
}
