/** Population on 1 January, by ISO 3166-1 alpha-2 country code, then by year. */
export type PopulationTable = Readonly<Record<string, Readonly<Record<number, number>>>>;

/**
 * Published total population on 1 January. Years that are not listed are unknown here on purpose: a
 * missing year yields null rather than an interpolated or guessed figure. Add years only from the source
 * named beside each country, or pass them as overrides.
 */
export const POPULATION_ON_1_JANUARY: PopulationTable = {
  // State Statistical Committee of the Republic of Azerbaijan (stat.gov.az), "Population at the beginning
  // of the year". 2022 onwards are left out until copied from the Committee's published tables.
  AZ: {
    2018: 9_898_085,
    2019: 9_981_457,
    2020: 10_067_108,
    2021: 10_119_100,
  },
  // Statistics Sweden (SCB), population on 31 December of the previous year, which is the 1 January figure
  // Eurostat publishes in demo_gind (indic_de = JAN). 2026 is left out until copied from SCB or Eurostat.
  SE: {
    2008: 9_182_927,
    2009: 9_256_347,
    2010: 9_340_682,
    2011: 9_415_570,
    2012: 9_482_855,
    2013: 9_555_893,
    2014: 9_644_864,
    2015: 9_747_355,
    2016: 9_851_017,
    2017: 9_995_153,
    2018: 10_120_242,
    2019: 10_230_185,
    2020: 10_327_589,
    2021: 10_379_295,
    2022: 10_452_326,
    2023: 10_521_556,
    2024: 10_551_707,
    2025: 10_587_710,
  },
};

/**
 * The population of a country on 1 January of a year, or null when it is not known. Overrides win over
 * the built-in table, so a caller with newer or corrected figures can supply them without a code change.
 */
export function populationOn(country: string, year: number, overrides: PopulationTable = {}): number | null {
  const code = country.toUpperCase();
  return overrides[code]?.[year] ?? POPULATION_ON_1_JANUARY[code]?.[year] ?? null;
}

/** A population lookup that consults the given figures before the built-in table. */
export function populationWithOverrides(
  overrides: PopulationTable,
): (country: string, year: number) => number | null {
  return (country, year) => populationOn(country, year, overrides);
}
