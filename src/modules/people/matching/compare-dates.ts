/** A date of birth as registers hold it: often only the year, or the year and month. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/**
 * How two dates of birth agree, from strongest to weakest evidence: the same date; day and month
 * swapped (a US-style entry); one digit different (a typing error); compatible where both are known
 * but one is only a year or a year and month; different. `missing` when either is unknown.
 */
export type DateAgreement = "exact" | "swapped" | "one-digit" | "partial" | "different" | "missing";

/** The agreement levels in the order a comparison vector numbers them (0 = different). */
export const dateAgreementLevels: readonly DateAgreement[] = [
  "different",
  "partial",
  "one-digit",
  "swapped",
  "exact",
];

const datePattern = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$/;

/** Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYYMMDD`; zero months or days count as unknown. */
export function parsePartialDate(text: string | null | undefined): PartialDate | undefined {
  const found = datePattern.exec((text ?? "").trim());
  if (!found) return undefined;
  const year = Number(found[1]);
  const month = found[2] === undefined ? 0 : Number(found[2]);
  const day = found[3] === undefined ? 0 : Number(found[3]);
  if (year === 0 || month > 12 || day > 31) return undefined;
  if (month === 0) return { year };
  if (day === 0) return { year, month };
  return { year, month, day };
}

function digits(date: PartialDate): string {
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return `${String(date.year).padStart(4, "0")}${two(date.month)}${two(date.day)}`;
}

function differingDigits(a: string, b: string): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) count++;
  return count;
}

export function compareDates(a: PartialDate | undefined, b: PartialDate | undefined): DateAgreement {
  if (!a || !b) return "missing";
  const sameMonth = a.month === b.month;
  if (a.year === b.year && sameMonth && a.day === b.day) return "exact";
  const aFull = a.month !== undefined && a.day !== undefined;
  const bFull = b.month !== undefined && b.day !== undefined;
  if (aFull && bFull) {
    if (a.year === b.year && a.month === b.day && a.day === b.month) return "swapped";
    return differingDigits(digits(a), digits(b)) === 1 ? "one-digit" : "different";
  }
  if (a.year !== b.year) {
    const samePrecision = (a.month === undefined) === (b.month === undefined) && aFull === bFull;
    return samePrecision && sameMonth && differingDigits(digits(a), digits(b)) === 1
      ? "one-digit"
      : "different";
  }
  // Same year, at least one side partial: compatible when every part both sides know agrees.
  if (a.month === undefined || b.month === undefined || sameMonth) return "partial";
  return "different";
}
