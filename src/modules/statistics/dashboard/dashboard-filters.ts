import { addMonthsToMonth } from "../cubes/months.js";

export interface DashboardFilters {
  from: string;
  to: string;
  caseType: string;
  citizen: string;
  region: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface FilterProblem {
  field: keyof DashboardFilters;
  code: "invalid_month" | "invalid_range" | "invalid_choice";
}

/** The codes each pick list offers: a filter is one of them or empty (everything). */
export type AllowedCodes = Record<"caseType" | "citizen" | "region", ReadonlySet<string>>;

/**
 * The dashboard's filters from the query string: the last 24 months by default. A filter that
 * does not parse, or a code its pick list does not offer, is reported at its field and the
 * default used instead.
 */
export function parseDashboardFilters(
  query: Record<string, unknown>,
  currentMonth: string,
  allowed: AllowedCodes,
): { filters: DashboardFilters; problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  const text = (name: keyof DashboardFilters) =>
    typeof query[name] === "string" ? (query[name] as string).trim() : "";
  const month = (name: "from" | "to", fallback: string) => {
    const value = text(name);
    if (value === "") return fallback;
    if (MONTH.test(value)) return value;
    problems.push({ field: name, code: "invalid_month" });
    return fallback;
  };
  const code = (name: "caseType" | "citizen" | "region") => {
    const value = text(name);
    if (value === "" || allowed[name].has(value)) return value;
    problems.push({ field: name, code: "invalid_choice" });
    return "";
  };
  let from = month("from", addMonthsToMonth(currentMonth, -23));
  let to = month("to", currentMonth);
  if (from > to) {
    problems.push({ field: "to", code: "invalid_range" });
    [from, to] = [to, from];
  }
  return {
    filters: { from, to, caseType: code("caseType"), citizen: code("citizen"), region: code("region") },
    problems,
  };
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 240; month = addMonthsToMonth(month, 1))
    months.push(month);
  return months;
}
