import type { Documents } from "../../../platform/files/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { AnonymiseBeside, CasesModule } from "../../cases/index.js";
import type { RetentionRules } from "./retention-rules.js";

/** What the retention job works with: the case engine (database, clock, mailer, case types), the document store, translations and the rules. */
export interface RetentionServices {
  cases: CasesModule;
  documents: Pick<Documents, "deleteDocument">;
  i18n: I18n;
  rules: RetentionRules;
  /** Other modules' records beside a case, anonymised with it. */
  anonymiseBeside?: readonly AnonymiseBeside[];
}

export const dayMs = 24 * 60 * 60 * 1000;

export function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * dayMs);
}

/** The same calendar day `years` earlier (29 February falls back to 28 February). */
export function yearsBefore(at: Date, years: number): Date {
  const earlier = new Date(at);
  earlier.setUTCFullYear(at.getUTCFullYear() - years);
  if (earlier.getUTCDate() !== at.getUTCDate()) earlier.setUTCDate(0);
  return earlier;
}

/**
 * The legal date (as YYYY-MM-DD) `months` before `at`, the last day of a shorter month when the day
 * does not exist. Taken on the UTC date: the nightly run is well after midnight in the country.
 */
export function monthsBeforeDate(at: Date, months: number): string {
  const earlier = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(earlier.getUTCFullYear(), earlier.getUTCMonth() + 1, 0)).getUTCDate();
  earlier.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return earlier.toISOString().slice(0, 10);
}
