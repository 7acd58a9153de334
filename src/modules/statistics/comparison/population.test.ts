import { describe, expect, it } from "vitest";
import { POPULATION_ON_1_JANUARY, populationOn, populationWithOverrides } from "./population.js";

describe("populationOn", () => {
  it("returns the published figures", () => {
    expect(populationOn("SE", 2020)).toBe(10_327_589);
    expect(populationOn("AZ", 2019)).toBe(9_981_457);
    expect(populationOn("se", 2008)).toBe(9_182_927);
  });

  it("returns null for a year or country it does not know", () => {
    expect(populationOn("SE", 2007)).toBeNull();
    expect(populationOn("AZ", 2017)).toBeNull();
    expect(populationOn("FR", 2020)).toBeNull();
  });

  it("lets overrides add and correct figures", () => {
    const overrides = { AZ: { 2026: 10_000_000 }, SE: { 2020: 1 } };
    expect(populationOn("AZ", 2026, overrides)).toBe(10_000_000);
    expect(populationOn("SE", 2020, overrides)).toBe(1);
    expect(populationOn("SE", 2021, overrides)).toBe(10_379_295);
    expect(populationWithOverrides(overrides)("az", 2026)).toBe(10_000_000);
  });

  it("holds plausible, growing whole numbers", () => {
    for (const years of Object.values(POPULATION_ON_1_JANUARY)) {
      const figures = Object.entries(years).sort(([a], [b]) => Number(a) - Number(b));
      for (const [index, [, figure]] of figures.entries()) {
        expect(Number.isInteger(figure)).toBe(true);
        if (index > 0) expect(figure).toBeGreaterThan(figures[index - 1]?.[1] ?? 0);
      }
    }
  });
});
