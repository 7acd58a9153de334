import type { CountryCalendarData, NonWorkingDayData, YearCalendarData } from "./calendar-data.js";
import { CalendarDataError, CalendarYearMissingError } from "./errors.js";
import {
  type DayNumber,
  dayNumberOf,
  isoWeekdayOf,
  type LegalDate,
  legalDateOfDayNumber,
  yearOfDayNumber,
} from "./legal-date.js";

/** A decree entry as the table keeps it. */
export interface Transfer {
  date: LegalDate;
  reason: string;
  reference: string;
}

/** Everything the calendar knows about one day, and why it is or is not a working day. */
export interface DayFacts {
  date: LegalDate;
  working: boolean;
  /** A weekly rest day of the standard working week. */
  weekend: boolean;
  /** Holidays and other non-working days falling on this date (two when they overlap). */
  nonWorkingDays: NonWorkingDayData[];
  /** The dates whose weekend or overlap this day off makes up for (carry-over rule). */
  carriedOverFrom: LegalDate[];
  extraDayOff: Transfer | null;
  extraWorkingDay: Transfer | null;
}

interface YearEntry {
  data: YearCalendarData;
  file: string;
}

/**
 * The working-day table of one country, built once from its data files.
 *
 * Two layers, in this order:
 * 1. the law layer: weekly rest days, the listed non-working days, and the carry-over rule,
 *    computed by walking the days in order. Every listed day of a carrying kind that falls on
 *    a day already off (a weekly rest day or another listed day) owes one day off, given on
 *    the next working day; several debts are paid on successive working days (in Azerbaijan:
 *    Labour Code art. 105.5 for weekends and 105.6 for Ramadan and Gurban overlapping other
 *    holidays). Debts cross into the next year when that year is loaded.
 * 2. the decree layer: `extraDaysOff` and `extraWorkingDays` as the government published
 *    them. They must change something: a transfer onto a day that is already off (or off a
 *    day that is already working) is refused, which also catches a carry-over entered by
 *    hand that the law layer now computes.
 */
export class DayTable {
  readonly country: string;
  readonly timeZone: string;
  readonly calendarDaysEndingOnDayOff: CountryCalendarData["deadlines"]["calendarDaysEndingOnDayOff"];
  private readonly weekendDays: ReadonlySet<number>;
  private readonly years = new Map<number, YearCalendarData>();
  /** Facts for every day that is not an ordinary weekday or ordinary weekend day. */
  private readonly special = new Map<DayNumber, DayFacts>();

  constructor(country: CountryCalendarData, yearEntries: YearEntry[]) {
    this.country = country.country;
    this.timeZone = country.timeZone;
    this.calendarDaysEndingOnDayOff = country.deadlines.calendarDaysEndingOnDayOff;
    this.weekendDays = new Set(country.weekendDays);
    const sorted = [...yearEntries].sort((a, b) => a.data.year - b.data.year);
    for (const entry of sorted) {
      const problems = checkYearEntry(country, entry.data);
      if (this.years.has(entry.data.year)) problems.push(`year ${entry.data.year} is given twice`);
      if (problems.length > 0) throw new CalendarDataError(entry.file, problems);
      this.years.set(entry.data.year, entry.data);
    }
    this.buildLawLayer(new Set(country.carryOver.kinds));
    for (const entry of sorted) this.applyDecreeLayer(entry);
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  coveredYears(): Array<{ year: number; status: YearCalendarData["status"]; checkedOn: LegalDate }> {
    return [...this.years.values()].map(({ year, status, checkedOn }) => ({ year, status, checkedOn }));
  }

  yearStatus(year: number): YearCalendarData["status"] {
    return this.requireYear(year).status;
  }

  isWorking(day: DayNumber): boolean {
    this.requireYear(yearOfDayNumber(day));
    const facts = this.special.get(day);
    return facts ? facts.working : !this.isWeekend(day);
  }

  facts(day: DayNumber): DayFacts {
    this.requireYear(yearOfDayNumber(day));
    const facts = this.special.get(day);
    return facts ? structuredClone(facts) : this.ordinaryDay(day);
  }

  /** The non-ordinary days of a year, in date order (holidays, carried days, transfers). */
  specialDaysOf(year: number): DayFacts[] {
    this.requireYear(year);
    return [...this.special.entries()]
      .filter(([day]) => yearOfDayNumber(day) === year)
      .sort(([a], [b]) => a - b)
      .map(([, facts]) => structuredClone(facts));
  }

  private isWeekend(day: DayNumber): boolean {
    return this.weekendDays.has(isoWeekdayOf(day));
  }

  private requireYear(year: number): YearCalendarData {
    const data = this.years.get(year);
    if (!data) throw new CalendarYearMissingError(this.country, year);
    return data;
  }

  private factsForUpdate(day: DayNumber): DayFacts {
    let facts = this.special.get(day);
    if (!facts) {
      facts = this.ordinaryDay(day);
      this.special.set(day, facts);
    }
    return facts;
  }

  private ordinaryDay(day: DayNumber): DayFacts {
    const weekend = this.isWeekend(day);
    return {
      date: legalDateOfDayNumber(day),
      working: !weekend,
      weekend,
      nonWorkingDays: [],
      carriedOverFrom: [],
      extraDayOff: null,
      extraWorkingDay: null,
    };
  }

  private buildLawLayer(carryingKinds: ReadonlySet<string>): void {
    for (const data of this.years.values()) {
      for (const entry of data.nonWorkingDays) {
        const facts = this.factsForUpdate(dayNumberOf(entry.date));
        facts.nonWorkingDays.push(entry);
        facts.working = false;
      }
    }
    // Walk each run of consecutive loaded years, paying carry-over debts in date order.
    let owed: LegalDate[] = [];
    let previousYear: number | null = null;
    for (const year of [...this.years.keys()].sort((a, b) => a - b)) {
      if (previousYear !== year - 1) owed = [];
      previousYear = year;
      const last = dayNumberOf(`${year}-12-31`);
      for (let day = dayNumberOf(`${year}-01-01`); day <= last; day++) {
        const facts = this.special.get(day);
        const carrying = facts?.nonWorkingDays.filter((entry) => carryingKinds.has(entry.kind)).length ?? 0;
        const offByLaw = this.isWeekend(day) || (facts !== undefined && !facts.working);
        if (offByLaw) {
          const claims = carrying + (this.isWeekend(day) ? 1 : 0);
          for (let debt = 1; debt < claims; debt++) owed.push(legalDateOfDayNumber(day));
        } else if (owed.length > 0) {
          const carried = this.factsForUpdate(day);
          carried.working = false;
          carried.carriedOverFrom.push(owed.shift() as LegalDate);
        }
      }
    }
  }

  private applyDecreeLayer({ data, file }: YearEntry): void {
    const problems: string[] = [];
    for (const transfer of data.extraDaysOff) {
      const facts = this.factsForUpdate(dayNumberOf(transfer.date));
      if (!facts.working) {
        problems.push(
          `extraDaysOff ${transfer.date} is already a day off by law (weekend, listed day or carry-over); ` +
            "remove it from extraDaysOff",
        );
      }
      facts.working = false;
      facts.extraDayOff = transfer;
    }
    for (const transfer of data.extraWorkingDays) {
      const facts = this.factsForUpdate(dayNumberOf(transfer.date));
      if (facts.nonWorkingDays.length > 0) {
        problems.push(
          `extraWorkingDays ${transfer.date} is a listed non-working day; a decree cannot make it working`,
        );
      } else if (facts.working) {
        problems.push(
          `extraWorkingDays ${transfer.date} is already a working day; remove it from extraWorkingDays`,
        );
      }
      facts.working = true;
      facts.extraWorkingDay = transfer;
    }
    if (problems.length > 0) throw new CalendarDataError(file, problems);
  }
}

function checkYearEntry(country: CountryCalendarData, data: YearCalendarData): string[] {
  const problems: string[] = [];
  if (data.country !== country.country) {
    problems.push(`country is ${data.country}, expected ${country.country}`);
  }
  const inYear = (date: LegalDate) => date.startsWith(`${data.year}-`);
  const seen = new Set<string>();
  for (const entry of data.nonWorkingDays) {
    if (!inYear(entry.date)) problems.push(`nonWorkingDays ${entry.date} is outside ${data.year}`);
    const key = `${entry.date} ${entry.name.en}`;
    if (seen.has(key)) problems.push(`nonWorkingDays lists ${key} twice`);
    seen.add(key);
  }
  const offDates = new Set<string>();
  for (const transfer of data.extraDaysOff) {
    if (!inYear(transfer.date)) problems.push(`extraDaysOff ${transfer.date} is outside ${data.year}`);
    if (offDates.has(transfer.date)) problems.push(`extraDaysOff lists ${transfer.date} twice`);
    offDates.add(transfer.date);
  }
  const workingDates = new Set<string>();
  for (const transfer of data.extraWorkingDays) {
    if (!inYear(transfer.date)) problems.push(`extraWorkingDays ${transfer.date} is outside ${data.year}`);
    if (workingDates.has(transfer.date)) problems.push(`extraWorkingDays lists ${transfer.date} twice`);
    if (offDates.has(transfer.date)) {
      problems.push(`${transfer.date} is both in extraDaysOff and extraWorkingDays`);
    }
    workingDates.add(transfer.date);
  }
  return problems;
}
