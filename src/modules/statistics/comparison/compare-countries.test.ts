import { describe, expect, it } from "vitest";
import { compareSeries, type KeyedObservation, yearlyTotals } from "./compare-countries.js";

describe("compareSeries", () => {
  it("divides by the population on 1 January of the same year", () => {
    // 21,958 / 10,327,589 × 100,000 = 212.61...; 1,000 / 9,981,457 × 100,000 = 10.018...
    expect(
      compareSeries([
        { country: "SE", period: "2020", value: 21_958 },
        { country: "AZ", period: "2019-01-01", value: 1_000 },
      ]),
    ).toEqual([
      { country: "SE", period: "2020", value: 21_958, perHundredThousand: 212.6 },
      { country: "AZ", period: "2019", value: 1_000, perHundredThousand: 10 },
    ]);
  });

  it("rounds to one decimal, halves upwards", () => {
    const twoMillion = () => 2_000_000;
    // 5 and 3 per 2,000,000 are exactly 0.25 and 0.15 per 100,000.
    const rows = compareSeries(
      [
        { country: "XX", period: "2020", value: 5 },
        { country: "XX", period: "2020", value: 3 },
        { country: "XX", period: "2020", value: 1_234 },
      ],
      twoMillion,
    );
    expect(rows.map((row) => row.perHundredThousand)).toEqual([0.3, 0.2, 61.7]);
  });

  it("has no rate when the value or the population is unknown", () => {
    expect(
      compareSeries([
        { country: "SE", period: "2020", value: null },
        { country: "SE", period: "1990", value: 100 },
        { country: "FR", period: "2020", value: 100 },
      ]).map((row) => row.perHundredThousand),
    ).toEqual([null, null, null]);
  });

  it("uses a caller's population", () => {
    const [row] = compareSeries([{ country: "AZ", period: "2026", value: 50 }], (country, year) =>
      country === "AZ" && year === 2026 ? 10_000_000 : null,
    );
    expect(row?.perHundredThousand).toBe(0.5);
  });
});

describe("yearlyTotals", () => {
  const total = { citizen: "TOTAL", sex: "T", age: "TOTAL", asyl_app: "ASY_APP" };
  const observations: KeyedObservation[] = [
    { key: { ...total, geo: "SE" }, period: "2020-01-01", value: 16_225 },
    { key: { ...total, geo: "SE" }, period: "2019-01-01", value: 26_255 },
    { key: { ...total, sex: "F", geo: "SE" }, period: "2019-01-01", value: 9_000 },
    { key: { ...total, asyl_app: "NASY_APP", geo: "SE" }, period: "2019-01-01", value: 21_958 },
    { key: { ...total, geo: "SE" }, period: "2021", value: null },
  ];

  it("picks the selected observations and shortens their periods, in year order", () => {
    expect(yearlyTotals(observations, total)).toEqual([
      { period: "2019", value: 26_255 },
      { period: "2020", value: 16_225 },
      { period: "2021", value: null },
    ]);
  });

  it("adds up months into years", () => {
    const months: KeyedObservation[] = [
      { key: { geo: "AZ" }, period: "2024-11", value: 10 },
      { key: { geo: "AZ" }, period: "2024-12", value: 15 },
      { key: { geo: "AZ" }, period: "2025-01", value: 7 },
      { key: { geo: "SE" }, period: "2025-01", value: 999 },
    ];
    expect(yearlyTotals(months, { geo: "AZ" })).toEqual([
      { period: "2024", value: 25 },
      { period: "2025", value: 7 },
    ]);
  });

  it("refuses a selection that leaves a dimension open", () => {
    expect(() => yearlyTotals(observations, { citizen: "TOTAL", age: "TOTAL", asyl_app: "ASY_APP" })).toThrow(
      RangeError,
    );
  });
});
