import type { DayFacts, DayTable } from "./day-table.js";
import {
  computeDeadline,
  type Deadline,
  type DeadlineProgress,
  type DeadlineSpec,
  deadlineProgress,
} from "./deadlines.js";
import { InvalidDeadlineError } from "./errors.js";
import {
  type DayInput,
  dayNumberOfInput,
  type LegalDate,
  legalDateAt,
  legalDateOfDayNumber,
} from "./legal-date.js";

/**
 * The legal calendar of one country: which days are working days, and deadline arithmetic on
 * them. Every method takes legal dates (YYYY-MM-DD) or instants, which it reads as legal dates
 * in the country's zone, and returns legal dates. Asking about a day of a year that has no
 * calendar data throws `CalendarYearMissingError`.
 */
export class LegalCalendar {
  constructor(private readonly table: DayTable) {}

  get country(): string {
    return this.table.country;
  }

  get timeZone(): string {
    return this.table.timeZone;
  }

  /** The legal date of an instant: its date on the wall clock of the country's zone. */
  legalDate(instant: Date): LegalDate {
    return legalDateAt(instant, this.table.timeZone);
  }

  /** The years this calendar can count in, with their status ("provisional" awaits a decree). */
  coveredYears(): Array<{ year: number; status: "official" | "provisional"; checkedOn: LegalDate }> {
    return this.table.coveredYears();
  }

  isWorkingDay(date: DayInput): boolean {
    return this.table.isWorking(this.day(date));
  }

  /** Why a day is or is not a working day: weekend, holidays, carry-over, decree transfers. */
  describeDay(date: DayInput): DayFacts {
    return this.table.facts(this.day(date));
  }

  /** Holidays, carried-over days and decree transfers of a year, in date order. */
  specialDaysOf(year: number): DayFacts[] {
    return this.table.specialDaysOf(year);
  }

  /**
   * The n-th working day after `date` (the day itself is day 0 and never counted). For n < 0,
   * the |n|-th working day before it; n = 0 returns the day itself.
   */
  addWorkingDays(date: DayInput, n: number): LegalDate {
    assertWholeNumber(n);
    let day = this.day(date);
    const step = n < 0 ? -1 : 1;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      day += step;
      if (this.table.isWorking(day)) remaining--;
    }
    return legalDateOfDayNumber(day);
  }

  /** Plain date arithmetic; needs no calendar data. */
  addCalendarDays(date: DayInput, n: number): LegalDate {
    assertWholeNumber(n);
    return legalDateOfDayNumber(this.day(date) + n);
  }

  /**
   * Working days after `a` up to and including `b` (the same counting as deadlines: `a` is
   * day 0). Negative when `b` is before `a`. So that for n >= 0,
   * workingDaysBetween(d, addWorkingDays(d, n)) === n.
   */
  workingDaysBetween(a: DayInput, b: DayInput): number {
    const from = this.day(a);
    const to = this.day(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.table.isWorking(day)) count++;
    return count;
  }

  /** The due date of a legal time, or the stopped state while a pause is open. */
  computeDeadline(spec: DeadlineSpec): Deadline {
    return computeDeadline(this.table, spec);
  }

  /** How much of a legal time is used at `now`, for warnings and queues. */
  deadlineProgress(spec: DeadlineSpec, now: DayInput): DeadlineProgress {
    return deadlineProgress(this.table, spec, now);
  }

  /** The fraction of the legal time used at `now` (0.75 for the warning; above 1 when overdue). */
  legalTimeUsed(spec: DeadlineSpec, now: DayInput): number {
    return deadlineProgress(this.table, spec, now).fraction;
  }

  private day(date: DayInput): number {
    return dayNumberOfInput(date, this.table.timeZone);
  }
}

function assertWholeNumber(n: number): void {
  if (!Number.isInteger(n))
    throw new InvalidDeadlineError(`A number of days must be a whole number (got ${n}).`);
}
