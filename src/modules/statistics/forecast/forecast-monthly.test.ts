import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fillMonths,
  forecastMonthly,
  MODEL_SEASONAL_NAIVE,
  MODEL_SIMPLE_SMOOTHING,
  type MonthlyObservation,
} from "./forecast-monthly.js";
import { addMonths } from "./month-period.js";

const SEASON = [-30, -20, -5, 10, 25, 35, 30, 15, 0, -15, -25, -20];

/** Park-Miller generator, so the "random" noise is the same on every run. */
function seededUniform(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

function monthly(values: number[], start = "2020-01"): MonthlyObservation[] {
  return values.map((value, offset) => ({ period: addMonths(start, offset), value }));
}

function trendSeasonNoise(length: number, noise: number, seed = 42): number[] {
  const uniform = seededUniform(seed);
  return Array.from(
    { length },
    (_, t) => 300 + 3 * t + 2 * (SEASON[t % 12] ?? 0) + (uniform() - 0.5) * 2 * noise,
  );
}

describe("forecastMonthly", () => {
  it("continues a known trend and season within a tight tolerance", () => {
    const result = forecastMonthly(monthly(trendSeasonNoise(60, 3)));
    expect(result.points).toHaveLength(12);
    result.points.forEach((point, index) => {
      const t = 60 + index;
      const truth = 300 + 3 * t + 2 * (SEASON[t % 12] ?? 0);
      // About 1 % of the level, and within the 95 % interval.
      expect(Math.abs(point.value - truth), point.period).toBeLessThan(6);
      expect(point.lower95).toBeLessThan(truth);
      expect(point.upper95).toBeGreaterThan(truth);
    });
  });

  it("repeats a pure season", () => {
    const values = Array.from({ length: 36 }, (_, t) => 100 + (SEASON[t % 12] ?? 0));
    const result = forecastMonthly(monthly(values), { horizon: 24 });
    for (const [index, point] of result.points.entries()) {
      expect(point.value).toBeCloseTo(values[index % 12] ?? 0, 6);
    }
  });

  it("widens the intervals with the horizon and nests 80 % inside 95 %", () => {
    const result = forecastMonthly(monthly(trendSeasonNoise(48, 20, 7)), { horizon: 24 });
    let previousWidth = 0;
    for (const point of result.points) {
      const width = point.upper95 - point.lower95;
      expect(width).toBeGreaterThanOrEqual(previousWidth - 1e-9);
      previousWidth = width;
      expect(point.lower95).toBeLessThanOrEqual(point.lower80);
      expect(point.lower80).toBeLessThanOrEqual(point.value);
      expect(point.value).toBeLessThanOrEqual(point.upper80);
      expect(point.upper80).toBeLessThanOrEqual(point.upper95);
    }
    const first = result.points[0];
    const last = result.points.at(-1);
    expect((last?.upper95 ?? 0) - (last?.lower95 ?? 0)).toBeGreaterThan(
      (first?.upper95 ?? 0) - (first?.lower95 ?? 0),
    );
  });

  it("never forecasts a negative count", () => {
    const falling = Array.from({ length: 36 }, (_, t) =>
      Math.max(0, 200 - 6 * t + (SEASON[t % 12] ?? 0) / 2),
    );
    const result = forecastMonthly(monthly(falling), { horizon: 24 });
    for (const point of result.points) {
      for (const value of [point.value, point.lower80, point.lower95, point.upper80, point.upper95]) {
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("keeps every bound ordered and non-negative for arbitrary counts", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { minLength: 1, maxLength: 40 }), (values) => {
        for (const point of forecastMonthly(monthly(values), { horizon: 6 }).points) {
          expect(point.lower95).toBeGreaterThanOrEqual(0);
          expect(point.lower95).toBeLessThanOrEqual(point.lower80);
          expect(point.lower80).toBeLessThanOrEqual(point.value);
          expect(point.value).toBeLessThanOrEqual(point.upper80);
          expect(point.upper80).toBeLessThanOrEqual(point.upper95);
          expect(Number.isFinite(point.upper95)).toBe(true);
        }
      }),
      { numRuns: 25, seed: 2026 },
    );
  });

  it("falls back to the seasonal naive model with fewer than 24 months", () => {
    const values = Array.from({ length: 18 }, (_, t) => 50 + (SEASON[t % 12] ?? 0));
    const result = forecastMonthly(monthly(values), { horizon: 3 });
    expect(result.model).toBe(MODEL_SEASONAL_NAIVE);
    expect(result.points.map((point) => point.value)).toEqual([values[6], values[7], values[8]]);
    expect(result.backtest.origins).toBe(0);
  });

  it("falls back to simple exponential smoothing with a year or less", () => {
    const result = forecastMonthly(monthly([4, 5, 6, 5, 4]), { horizon: 2 });
    expect(result.model).toBe(MODEL_SIMPLE_SMOOTHING);
    expect(result.parameters.alpha).not.toBeNull();
    expect(result.points[0]?.value).toBe(result.points[1]?.value);
  });

  it("beats the seasonal naive anchor in the backtest on a trending seasonal series", () => {
    const { backtest } = forecastMonthly(monthly(trendSeasonNoise(60, 5, 3)));
    expect(backtest.origins).toBe(25);
    expect(backtest.horizon).toBe(12);
    expect(backtest.mae).not.toBeNull();
    expect(backtest.mae ?? Number.POSITIVE_INFINITY).toBeLessThan((backtest.naiveMae ?? 0) / 2);
    expect(backtest.rmse ?? 0).toBeGreaterThanOrEqual(backtest.mae ?? 0);
    expect(backtest.mape).not.toBeNull();
  });

  it("labels the forecast months after the last history month, across the year end", () => {
    const history = monthly(
      Array.from({ length: 30 }, (_, t) => 10 + t),
      "2023-06",
    );
    expect(history.at(-1)?.period).toBe("2025-11");
    const result = forecastMonthly(history, { horizon: 3 });
    expect(result.points.map((point) => point.period)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("refuses an empty history, duplicate months and negative counts", () => {
    expect(() => forecastMonthly([])).toThrow(RangeError);
    expect(() => forecastMonthly(monthly([1, 2]).concat(monthly([3])))).toThrow(RangeError);
    expect(() => forecastMonthly(monthly([1, -2]))).toThrow(RangeError);
    expect(() => forecastMonthly(monthly([1, 2]), { horizon: 0 })).toThrow(RangeError);
  });
});

describe("fillMonths", () => {
  it("orders the history and treats missing months as zeros", () => {
    const filled = fillMonths([
      { period: "2025-02", value: 4 },
      { period: "2024-11", value: 1 },
      { period: "2025-01", value: 3 },
    ]);
    expect(filled).toEqual({ firstPeriod: "2024-11", values: [1, 0, 3, 4] });
  });

  it("forecasts from the filled series", () => {
    const values = Array.from({ length: 13 }, (_, t) => t + 1);
    const history = monthly(values).filter((_, offset) => offset !== 3);
    const result = forecastMonthly(history, { horizon: 4 });
    expect(result.model).toBe(MODEL_SEASONAL_NAIVE);
    // The seasonal naive forecast of the fourth month ahead repeats the missing month: 0.
    expect(result.points.map((point) => point.value)).toEqual([2, 3, 0, 5]);
  });
});
