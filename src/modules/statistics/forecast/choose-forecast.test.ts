import { describe, expect, it } from "vitest";
import { chooseForecast, MODEL_SAME_MONTH_LAST_YEAR } from "./choose-forecast.js";
import { addMonths } from "./month-period.js";

const SEASON = [120, 40, 180, 10, 95, 160, 30, 70, 200, 55, 140, 85];

function monthly(values: number[]) {
  return values.map((value, offset) => ({ period: addMonths("2021-01", offset), value }));
}

describe("chooseForecast", () => {
  it("shows the same month of last year when the model forecast known months worse than that", () => {
    // A steady season with one freak month early on: smoothing carries the shock for a long time,
    // while "the same month last year" is thrown off only once.
    const values = Array.from({ length: 48 }, (_, t) => 100 + (SEASON[t % 12] ?? 0) + (t === 20 ? 2000 : 0));
    const chosen = chooseForecast(monthly(values));
    expect(chosen.simplerIsBetter).toBe(true);
    expect(chosen.fitted.backtest.mae).toBeGreaterThan(
      chosen.fitted.backtest.naiveMae ?? Number.POSITIVE_INFINITY,
    );
    expect(chosen.shown.model).toBe(MODEL_SAME_MONTH_LAST_YEAR);
    expect(chosen.shown.points.map((point) => point.period)).toEqual(
      Array.from({ length: 12 }, (_, month) => addMonths("2025-01", month)),
    );
    expect(chosen.shown.points.map((point) => point.value)).toEqual(values.slice(36));
    for (const point of chosen.shown.points) {
      expect(point.lower95).toBeLessThanOrEqual(point.lower80);
      expect(point.upper95).toBeGreaterThanOrEqual(point.upper80);
    }
  });

  it("keeps the fitted model when it beats the anchor", () => {
    const values = Array.from({ length: 48 }, (_, t) => 300 + 4 * t + (SEASON[t % 12] ?? 0));
    const chosen = chooseForecast(monthly(values));
    expect(chosen.simplerIsBetter).toBe(false);
    expect(chosen.shown).toBe(chosen.fitted);
  });
});
