import { yearOfPeriod } from "./eurostat-period.js";
import { populationOn } from "./population.js";

export interface CountryValue {
  country: string;
  /** A year, YYYY; Eurostat date forms are accepted and shortened to the year. */
  period: string;
  value: number | null;
}

export interface CountryComparison extends CountryValue {
  /** value per 100,000 inhabitants on 1 January of the year, to one decimal; null when either is unknown. */
  perHundredThousand: number | null;
}

/**
 * Puts countries of very different size side by side by dividing each count by the population on
 * 1 January of the same year, the denominator Eurostat uses for its own per-capita asylum figures.
 */
export function compareSeries(
  rows: readonly CountryValue[],
  population: (country: string, year: number) => number | null = populationOn,
): CountryComparison[] {
  return rows.map(({ country, period, value }) => {
    const year = yearOfPeriod(period);
    const inhabitants = population(country, Number(year));
    const perHundredThousand =
      value === null || inhabitants === null || inhabitants <= 0
        ? null
        : // Scaling the integer count first leaves the division as the only inexact step before rounding.
          Math.round((value * 1_000_000) / inhabitants) / 10;
    return { country, period: year, value, perHundredThousand };
  });
}

export interface KeyedObservation {
  key: Record<string, string>;
  period: string;
  value: number | null;
}

/**
 * One value per year from a Eurostat dataset: the observations whose key matches every dimension of the
 * selection (for example { citizen: "TOTAL", sex: "T", age: "TOTAL", asyl_app: "ASY_APP" }), summed by
 * year, so monthly data also yield yearly totals. A year with an unknown (null) observation has an
 * unknown total. Two matches for the same period mean the selection left a dimension open and adding them
 * would double count, so that is refused instead.
 */
export function yearlyTotals(
  observations: readonly KeyedObservation[],
  select: Readonly<Record<string, string>>,
): Array<{ period: string; value: number | null }> {
  const selection = Object.entries(select);
  const seenPeriods = new Set<string>();
  const totals = new Map<string, number | null>();
  for (const observation of observations) {
    if (!selection.every(([dimension, code]) => observation.key[dimension] === code)) continue;
    const period = observation.period.trim();
    if (seenPeriods.has(period)) {
      throw new RangeError(
        `the selection matches more than one observation for ${period}; select every dimension`,
      );
    }
    seenPeriods.add(period);
    const year = yearOfPeriod(period);
    const sofar = totals.has(year) ? (totals.get(year) ?? null) : 0;
    totals.set(year, sofar === null || observation.value === null ? null : sofar + observation.value);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, value]) => ({ period, value }));
}
