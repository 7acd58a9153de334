import { countryOptions, regionOptions } from "../../../platform/reference/index.js";
import { eurostatCitizenship, STATELESS, UNKNOWN_CITIZENSHIP } from "../eurostat/citizenship-codes.js";

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface FilterOption {
  value: string;
  text: string;
}

/** The code that gathers a region the code list does not know (free text written before the list). */
export const UNKNOWN_REGION = "UNK";

/** The case types the statistics name, in the reader's language. */
function caseTypeOptions(t: Translate): FilterOption[] {
  const names = t("statistics.caseTypes", { returnObjects: true }) as unknown;
  if (typeof names !== "object" || names === null) return [];
  return Object.entries(names as Record<string, string>)
    .map(([value, text]) => ({ value, text }))
    .sort((a, b) => a.text.localeCompare(b.text));
}

/** Citizenships by name, as the cubes count them: Eurostat codes, stateless and unknown last. */
function citizenOptions(locale: string, t: Translate): FilterOption[] {
  return [
    ...countryOptions(locale).map((country) => ({
      value: eurostatCitizenship(country.code),
      text: country.name,
    })),
    { value: STATELESS, text: t("statistics.codes.STLS") },
    { value: UNKNOWN_CITIZENSHIP, text: t("statistics.codes.UNK") },
  ];
}

/** The country's regions by name, and one choice for regions not on the list. */
function regionFilterOptions(country: string, locale: string, t: Translate): FilterOption[] {
  return [
    ...regionOptions(country, locale).map((region) => ({ value: region.code, text: region.name })),
    { value: UNKNOWN_REGION, text: t("statistics.dashboard.unknownRegion") },
  ];
}

export interface DashboardChoices {
  caseType: FilterOption[];
  citizen: FilterOption[];
  region: FilterOption[];
}

export function dashboardChoices(country: string, locale: string, t: Translate): DashboardChoices {
  return {
    caseType: caseTypeOptions(t),
    citizen: citizenOptions(locale, t),
    region: regionFilterOptions(country, locale, t),
  };
}
