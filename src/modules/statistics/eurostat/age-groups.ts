/**
 * Eurostat age classes of the asylum/migration tables (migr_asyappctza, migr_asydcfsta, ...).
 *
 * Which date to measure age on is a methodology choice the caller must make: Eurostat takes the age
 * at the date of the application or decision for flow statistics, and at the reference date (e.g.
 * end of month/year) for stock statistics. `ageGroupOn` only does the arithmetic for the date given.
 */
export const AGE_GROUPS = ["Y_LT14", "Y14-17", "Y18-34", "Y35-64", "Y_GE65", "UNK"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Aggregates published next to the classes: minors (`Y_LT18` = Y_LT14 + Y14-17) and the total. */
export const AGE_AGGREGATES = ["Y_LT18", "TOTAL"] as const;
export type AgeAggregate = (typeof AGE_AGGREGATES)[number];
export type AgeCode = AgeGroup | AgeAggregate;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0);
}

function parseDate(value: string, label: string): YearMonthDay {
  const match = DATE.exec(value);
  if (!match) throw new RangeError(`${label} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${label} is not a calendar date: ${value}`);
  }
  return { year, month, day };
}

/**
 * Age in completed years. Comparing (month, day) pairs handles 29 February without special cases:
 * in a non-leap year (2, 28) is still before the birthday and (3, 1) is after it, so the person
 * becomes a year older on 1 March.
 */
export function completedYears(birthDate: string, referenceDate: string): number {
  const birth = parseDate(birthDate, "birth date");
  const ref = parseDate(referenceDate, "reference date");
  let age = ref.year - birth.year;
  if (ref.month < birth.month || (ref.month === birth.month && ref.day < birth.day)) age--;
  if (age < 0) throw new RangeError(`birth date ${birthDate} is after the reference date ${referenceDate}`);
  return age;
}

export function ageGroupForAge(age: number): Exclude<AgeGroup, "UNK"> {
  if (!Number.isInteger(age) || age < 0)
    throw new RangeError(`age must be a non-negative integer, got ${age}`);
  if (age < 14) return "Y_LT14";
  if (age < 18) return "Y14-17";
  if (age < 35) return "Y18-34";
  if (age < 65) return "Y35-64";
  return "Y_GE65";
}

/** Age class at `referenceDate`; an unrecorded birth date is `UNK`, as Eurostat reports it. */
export function ageGroupOn(birthDate: string | null, referenceDate: string): AgeGroup {
  if (birthDate === null) {
    parseDate(referenceDate, "reference date");
    return "UNK";
  }
  return ageGroupForAge(completedYears(birthDate, referenceDate));
}

/** Every published age code a person in `group` is counted under (the class itself, Y_LT18, TOTAL). */
export function ageCodesFor(group: AgeGroup): AgeCode[] {
  return group === "Y_LT14" || group === "Y14-17" ? [group, "Y_LT18", "TOTAL"] : [group, "TOTAL"];
}
