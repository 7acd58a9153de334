/**
 * The year of a Eurostat period, whichever way it is written: "2019" (SDMX annual), "2019-01-01" (the
 * date form some API responses and spreadsheets use for annual data), "2019-03" or "2019M03" (monthly),
 * "2019-Q1" or "2019Q1" (quarterly).
 */
export function yearOfPeriod(period: string): string {
  const match = /^(\d{4})(?:-\d{2}-\d{2}|-\d{2}|M\d{2}|-?Q[1-4])?$/.exec(period.trim());
  if (!match?.[1]) throw new RangeError(`not a Eurostat period: "${period}"`);
  return match[1];
}
