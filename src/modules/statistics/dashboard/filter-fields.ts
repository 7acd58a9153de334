import type { Translate } from "./build-dashboard.js";
import type { AllowedCodes, DashboardFilters, FilterProblem } from "./dashboard-filters.js";
import { type DashboardChoices, dashboardChoices } from "./filter-options.js";

interface FilterField {
  name: keyof DashboardFilters;
  label: string;
  hint: string | null;
  error: string | null;
  /** A month typed in a box; the codes are chosen from a pick list (`items`). */
  kind: "month" | "choice";
  value: string;
  items: Array<{ value: string; text: string; selected: boolean }>;
}

interface DashboardFilterView {
  choices: DashboardChoices;
  allowed: AllowedCodes;
}

/** Made once per country and language: naming and sorting some 250 countries took a good part of a kept dashboard's time. */
const filterViews = new Map<string, DashboardFilterView>();

/** The pick lists of the dashboard in the reader's language, and the codes each accepts. */
export function dashboardFilterView(country: string, locale: string, t: Translate): DashboardFilterView {
  const key = `${country}|${locale}`;
  const made = filterViews.get(key) ?? makeFilterView(country, locale, t);
  filterViews.set(key, made);
  return made;
}

export function makeFilterView(country: string, locale: string, t: Translate): DashboardFilterView {
  const choices = dashboardChoices(country, locale, t);
  const codes = (options: Array<{ value: string }>) => new Set(options.map((option) => option.value));
  return {
    choices,
    allowed: {
      caseType: codes(choices.caseType),
      citizen: codes(choices.citizen),
      region: codes(choices.region),
    },
  };
}

/**
 * The filter form: months as boxes (a month in error keeps what was typed, to be corrected), the
 * case type, citizenship and region as pick lists of names, with "all" first.
 */
export function filterFields(
  view: DashboardFilterView,
  filters: DashboardFilters,
  problems: FilterProblem[],
  typed: Record<string, unknown>,
  t: Translate,
): { fields: FilterField[]; errors: Array<{ text: string; href: string }> } {
  const errorOf = (name: keyof DashboardFilters) => {
    const problem = problems.find((one) => one.field === name);
    return problem
      ? t(`statistics.errors.${problem.code}`, { field: t(`statistics.dashboard.${name}`) })
      : null;
  };
  const month = (name: "from" | "to"): FilterField => {
    const error = errorOf(name);
    return {
      name,
      label: t(`statistics.dashboard.${name}`),
      hint: t("statistics.dashboard.monthHint"),
      error,
      kind: "month",
      value: error && typeof typed[name] === "string" ? (typed[name] as string) : filters[name],
      items: [],
    };
  };
  const choice = (name: "caseType" | "citizen" | "region"): FilterField => ({
    name,
    label: t(`statistics.dashboard.${name}`),
    hint: null,
    error: errorOf(name),
    kind: "choice",
    value: filters[name],
    items: [
      { value: "", text: t("statistics.dashboard.all"), selected: filters[name] === "" },
      ...view.choices[name].map((option) => ({ ...option, selected: option.value === filters[name] })),
    ],
  });
  const fields = [month("from"), month("to"), choice("caseType"), choice("citizen"), choice("region")];
  const errors = fields
    .filter((field) => field.error !== null)
    .map((field) => ({ text: field.error as string, href: `#${field.name}` }));
  return { fields, errors };
}
