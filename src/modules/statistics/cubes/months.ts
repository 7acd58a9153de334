/** Calendar arithmetic on `YYYY-MM-DD` dates and `YYYY-MM` months, without time zones. */

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

function split(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonthsToMonth(month: string, count: number): string {
  const [year, monthNumber] = split(month);
  const index = year * 12 + (monthNumber - 1) + count;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysIn(year: number, month: number): number {
  // By hand where it is plain (a Date per call was a large share of computing the cubes); Date.UTC
  // reads years 0-99 as 1900-1999, which the fallback keeps.
  if (
    Number.isInteger(year) &&
    year >= 100 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12
  ) {
    return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a proleptic Gregorian date, as Date counts them (H. Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, "0"));

/** `YYYY-MM-DD` of a day number (civil_from_days), or null outside the years 1000-9999. */
function dateOfDayNumber(days: number): string | null {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return null;
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** The day number of a real date `YYYY-MM-DD` of the years 1000-9999, else null. */
function plainDayNumber(date: string): number | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  if (day > (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return null;
  return dayNumber(year, month, day);
}

/** The number written by the ASCII digits from `start` to `end`, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The last day of a month: the reference date of a stock counted at the month's end. */
export function endOfMonth(month: string): string {
  if (month.length === 7 && month.charCodeAt(4) === 45) {
    const year = digits(month, 0, 4);
    const monthNumber = digits(month, 5, 7);
    if (year >= 1000 && monthNumber >= 1 && monthNumber <= 12) {
      return `${month}-${TWO_DIGITS[daysIn(year, monthNumber)]}`;
    }
  }
  const [year, monthNumber] = split(month);
  return `${month}-${String(daysIn(year, monthNumber)).padStart(2, "0")}`;
}

/** The same day `count` months later, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToDate(date: string, count: number): string {
  // By hand for a plain date and a whole count (identical results, tested), as addDays.
  if (
    Number.isInteger(count) &&
    date.length === 10 &&
    date.charCodeAt(4) === 45 &&
    date.charCodeAt(7) === 45
  ) {
    const year = digits(date, 0, 4);
    const monthNumber = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    const index = year * 12 + (monthNumber - 1) + count;
    const toYear = Math.floor(index / 12);
    if (
      year >= 1000 &&
      monthNumber >= 1 &&
      monthNumber <= 12 &&
      day >= 0 &&
      toYear >= 1000 &&
      toYear <= 9999
    ) {
      const toMonth = index - toYear * 12 + 1;
      return `${toYear}-${TWO_DIGITS[toMonth]}-${TWO_DIGITS[Math.min(day, daysIn(toYear, toMonth))]}`;
    }
  }
  const month = addMonthsToMonth(monthOf(date), count);
  const [year, monthNumber] = split(month);
  const day = Math.min(Number(date.slice(8, 10)), daysIn(year, monthNumber));
  return `${month}-${String(day).padStart(2, "0")}`;
}

export function addDays(date: string, count: number): string {
  // By arithmetic on day numbers for plain dates (identical results, tested against Date), which
  // computing the cubes calls millions of times; Date for anything else.
  const from = Number.isInteger(count) ? plainDayNumber(date) : null;
  const plain = from === null ? null : dateOfDayNumber(from + count);
  if (plain !== null) return plain;
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + count);
  return at.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whole months from `from` to the day after `to` (a permit valid 1 Jan to 31 Dec runs 12 months). */
export function wholeMonths(from: string, to: string): number {
  const after = addDays(to, 1);
  let months = Math.max(0, (Number(after.slice(0, 4)) - Number(from.slice(0, 4))) * 12);
  months += Number(after.slice(5, 7)) - Number(from.slice(5, 7));
  while (months > 0 && addMonthsToDate(from, months) > after) months -= 1;
  return Math.max(0, months);
}

export function quarterOf(month: string): string {
  const [year, monthNumber] = split(month);
  return `${year}-Q${Math.ceil(monthNumber / 3)}`;
}

/** The months of an SDMX period: `2025-03`, `2025-Q1` or `2025`. */
export function monthsOfPeriod(period: string): string[] {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return [period];
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = formatMonth(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1);
    return [0, 1, 2].map((offset) => addMonthsToMonth(first, offset));
  }
  if (/^\d{4}$/.test(period))
    return Array.from({ length: 12 }, (_, index) => formatMonth(Number(period), index + 1));
  throw new RangeError(`a period is YYYY-MM, YYYY-Qn or YYYY, got ${JSON.stringify(period)}`);
}
