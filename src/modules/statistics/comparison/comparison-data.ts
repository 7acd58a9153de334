import type { Queryable } from "../../../platform/db/index.js";
import { monthlySeries } from "../cubes/cube-repository.js";
import { compareSeries } from "./compare-countries.js";
import { type ComparisonIndicator, populationOverrides, storedFigures } from "./load-figures.js";
import { populationWithOverrides } from "./population.js";

/** Karvan's own country. */
export const OWN_COUNTRY = "AZ";

/** The compared indicators and the cube cells that hold Karvan's own figure of each. */
export const ownCubeCode: Record<Exclude<ComparisonIndicator, "population">, string> = {
  asylum_applicants: "ASY_APP",
  first_time_applicants: "NASY_APP",
};
export type ComparedIndicator = keyof typeof ownCubeCode;

export interface ComparedSeries {
  country: string;
  /** True for Karvan's own figures; false for loaded figures. */
  own: boolean;
  /** Where loaded figures come from and when they were loaded; null for Karvan's own. */
  source: string | null;
  loadedAt: Date | null;
  /** One per year of the comparison, in year order. */
  values: Array<{ period: string; value: number | null; perHundredThousand: number | null }>;
}

export interface Comparison {
  years: string[];
  series: ComparedSeries[];
}

/**
 * Karvan's own yearly figures: the cube's months summed by year, like Eurostat's yearly totals of
 * its monthly data. Only complete years from the first year with figures are given, so neither a year
 * before Karvan held data nor the running year reads as a real total.
 */
export async function ownYearlyFigures(
  db: Queryable,
  indicator: ComparedIndicator,
  lastCompleteYear: number,
): Promise<Map<string, number>> {
  const rows = await monthlySeries(
    db,
    "asylum_applicants",
    { from: "0000-01", to: `${lastCompleteYear}-12` },
    { d1: ownCubeCode[indicator] },
  );
  const years = new Map<string, number>();
  for (const row of rows) {
    const year = row.period.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + row.n);
  }
  const first = [...years.keys()].sort()[0];
  if (first === undefined) return years;
  for (let year = Number(first); year <= lastCompleteYear; year++)
    if (!years.has(String(year))) years.set(String(year), 0);
  return years;
}

/**
 * Karvan's figures beside every loaded country's, absolute and per 100,000 inhabitants on 1 January;
 * loaded population figures win over the built-in table.
 */
export async function buildComparison(
  db: Queryable,
  indicator: ComparedIndicator,
  lastCompleteYear: number,
): Promise<Comparison> {
  const stored = await storedFigures(db);
  const population = populationWithOverrides(populationOverrides(stored));
  const own = await ownYearlyFigures(db, indicator, lastCompleteYear);
  const loaded = stored.filter((series) => series.indicator === indicator);
  const years = [
    ...new Set([...own.keys(), ...loaded.flatMap((series) => [...series.values.keys()])]),
  ].sort();
  const valuesOf = (country: string, figures: Map<string, number | null>) =>
    compareSeries(
      years.map((period) => ({ country, period, value: figures.get(period) ?? null })),
      population,
    ).map(({ period, value, perHundredThousand }) => ({ period, value, perHundredThousand }));
  const series: ComparedSeries[] = [];
  if (own.size > 0)
    series.push({
      country: OWN_COUNTRY,
      own: true,
      source: null,
      loadedAt: null,
      values: valuesOf(OWN_COUNTRY, own),
    });
  for (const one of loaded)
    series.push({
      country: one.country,
      own: false,
      source: one.source,
      loadedAt: one.loadedAt,
      values: valuesOf(one.country, one.values),
    });
  return { years, series };
}
