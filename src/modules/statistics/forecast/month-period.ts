const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0, so that consecutive months are consecutive integers and arithmetic rolls over years. */
export function monthIndex(period: string): number {
  const match = MONTH_PATTERN.exec(period);
  if (!match) throw new RangeError(`expected a month as YYYY-MM, got "${period}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function periodFromMonthIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(period: string, months: number): string {
  return periodFromMonthIndex(monthIndex(period) + months);
}
