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

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month: the reference date of a stock counted at the month's end. */
export function endOfMonth(month: string): string {
  const [year, monthNumber] = split(month);
  return `${month}-${String(daysIn(year, monthNumber)).padStart(2, "0")}`;
}

/** The same day `count` months later, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToDate(date: string, count: number): string {
  const month = addMonthsToMonth(monthOf(date), count);
  const [year, monthNumber] = split(month);
  const day = Math.min(Number(date.slice(8, 10)), daysIn(year, monthNumber));
  return `${month}-${String(day).padStart(2, "0")}`;
}

export function addDays(date: string, count: number): string {
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
