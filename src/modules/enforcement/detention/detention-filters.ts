import { z } from "zod";
import { isLegalDate } from "../../../platform/calendar/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import type { PlacementStatus } from "./detention-records.js";
import { addDays, lastDayOfMonths } from "./time-limits.js";

/** How many days the occupancy shows when no period is asked for, ending today. */
export const defaultOccupancyDays = 7;
/** The longest period of occupancy asked for at once: a year (the day before the same date a year later). */
export const longestOccupancyMonths = 12;

/** One refused filter: the field, its message's key (in the detention locales) and, once translated, the message. */
export interface FilterProblem {
  field: string;
  messageKey: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FilterProblem[] };

/** What the register's list can be narrowed by. Dates are legal dates (YYYY-MM-DD), both ends included. */
export interface StayFilters {
  /** A name (given name and surname, any script), a register id, a document number or a court case number. */
  q: string;
  /** A centre's code or id, as typed; the operation resolves it. */
  centre: string;
  status: PlacementStatus | null;
  overdue: boolean;
  /** Stays that were in detention on at least one day of the period. */
  from: string | null;
  to: string | null;
}

export interface OccupancyPeriod {
  from: string;
  to: string;
}

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalText = (max: number, messageKey: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, messageKey).optional());

const optionalDate = (messageKey: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((value) => isLegalDate(value), messageKey)
      .optional(),
  );

const stayFiltersSchema = z.object({
  q: optionalText(100, "detention.errors.search"),
  centre: optionalText(64, "detention.errors.filterCentre"),
  status: z.preprocess(
    blankToUndefined,
    z.enum(["placed", "released", "removed"], "detention.errors.filterStatus").optional(),
  ),
  overdue: z.preprocess(
    blankToUndefined,
    z.enum(["true", "false", "1", "0", "on"], "detention.errors.filterOverdue").optional(),
  ),
  from: optionalDate("detention.errors.periodDate"),
  to: optionalDate("detention.errors.periodDate"),
});

function problemsOf(error: z.ZodError): FilterProblem[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ field, messageKey: issue.message }];
  });
}

/** The register's filters from a query string; a value that is not valid is refused naming its field. */
export function parseStayFilters(query: unknown): Parsed<StayFilters> {
  const parsed = stayFiltersSchema.safeParse(query ?? {});
  const problems = parsed.success ? [] : problemsOf(parsed.error);
  // Checked apart from the fields' own rules, so that it is named even when another field is wrong.
  const period = stayFiltersSchema.pick({ from: true, to: true }).safeParse(query ?? {});
  if (period.success && period.data.from && period.data.to && period.data.to < period.data.from) {
    problems.push({ field: "to", messageKey: "detention.errors.periodOrder" });
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const { q, centre, status, overdue, from, to } = parsed.data;
  return {
    ok: true,
    value: {
      q: q ?? "",
      centre: centre ?? "",
      status: status ?? null,
      overdue: overdue === "true" || overdue === "1" || overdue === "on",
      from: from ?? null,
      to: to ?? null,
    },
  };
}

/** The most stays one answer of the API holds. */
export const longestStayPage = 200;

const pagingSchema = z.object({
  page: z.preprocess(
    blankToUndefined,
    z.coerce
      .number("detention.errors.page")
      .int("detention.errors.page")
      .min(1, "detention.errors.page")
      .max(1_000_000, "detention.errors.page")
      .optional(),
  ),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number("detention.errors.limit")
      .int("detention.errors.limit")
      .min(1, "detention.errors.limit")
      .max(longestStayPage, "detention.errors.limit")
      .optional(),
  ),
});

/** Which page of the list, and how many stays on it (`limit` is the API's; the page shows a fixed number). */
export function parsePaging(query: unknown, defaultLimit: number): Parsed<{ page: number; limit: number }> {
  const parsed = pagingSchema.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, value: { page: parsed.data.page ?? 1, limit: parsed.data.limit ?? defaultLimit } };
}

/**
 * The period of occupancy asked for (`from`, `to`: names differ on the page, which shows two forms).
 * Without one, the last 7 days up to today; with only one end, a week from or to it. Refused: a date
 * that is not one, an end before the start, a day after today, or more than a year.
 */
export function parseOccupancyPeriod(
  given: { from?: unknown; to?: unknown },
  today: string,
): Parsed<OccupancyPeriod> {
  const dates = z
    .object({
      from: optionalDate("detention.errors.periodDate"),
      to: optionalDate("detention.errors.periodDate"),
    })
    .safeParse(given);
  if (!dates.success) return { ok: false, problems: problemsOf(dates.error) };
  const span = defaultOccupancyDays - 1;
  const { from: givenFrom, to: givenTo } = dates.data;
  const to = givenTo ?? (givenFrom && addDays(givenFrom, span) < today ? addDays(givenFrom, span) : today);
  const from = givenFrom ?? addDays(to, -span);
  const problems: FilterProblem[] = [];
  if (from > today) problems.push({ field: "from", messageKey: "detention.errors.periodFuture" });
  else if (to > today) problems.push({ field: "to", messageKey: "detention.errors.periodFuture" });
  else if (to < from) problems.push({ field: "to", messageKey: "detention.errors.periodOrder" });
  else if (to > lastDayOfMonths(from, longestOccupancyMonths)) {
    problems.push({ field: "to", messageKey: "detention.errors.periodTooLong" });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { from, to } };
}

/** A refused filter or period, for the JSON API: 400 with each field and its message. */
export class FilterError extends DomainError {
  constructor(
    code: "detention_filter_invalid" | "detention_period_invalid",
    problems: Array<FilterProblem & { message: string }>,
  ) {
    super(code, 400, `detentionApi.errors.${code}`, { problems });
    this.name = "FilterError";
  }
}
