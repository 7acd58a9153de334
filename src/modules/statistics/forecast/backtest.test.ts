import { describe, expect, it } from "vitest";
import { rollingOriginBacktest } from "./backtest.js";

const zeros = (_training: readonly number[], horizon: number) => new Array<number>(horizon).fill(0);

describe("rollingOriginBacktest", () => {
  it("refits at every origin from month 24 to n - h", () => {
    const origins: number[] = [];
    const values = Array.from({ length: 40 }, (_, t) => t + 1);
    const result = rollingOriginBacktest(
      values,
      (training, horizon) => {
        origins.push(training.length);
        return zeros(training, horizon);
      },
      { horizon: 12 },
    );
    expect(result.horizon).toBe(12);
    expect(origins).toEqual([24, 25, 26, 27, 28]);
    expect(result.origins).toBe(5);
  });

  it("computes the errors by hand: always forecasting 0 on a series of ones", () => {
    const result = rollingOriginBacktest(new Array<number>(30).fill(1), zeros, { horizon: 2 });
    expect(result).toEqual({ horizon: 2, origins: 5, mae: 1, rmse: 1, mape: 100, naiveMae: 0 });
  });

  it("shortens the horizon so that three origins remain", () => {
    const result = rollingOriginBacktest(new Array<number>(30).fill(1), zeros, { horizon: 12 });
    expect(result.horizon).toBe(4);
    expect(result.origins).toBe(3);
  });

  it("reports no origins when the history is too short", () => {
    expect(rollingOriginBacktest(new Array<number>(26).fill(1), zeros)).toEqual({
      horizon: 0,
      origins: 0,
      mae: null,
      rmse: null,
      mape: null,
      naiveMae: null,
    });
  });

  it("has no MAPE when an actual value is zero", () => {
    const values = Array.from({ length: 30 }, (_, t) => (t === 27 ? 0 : 5));
    const result = rollingOriginBacktest(values, (_training, horizon) => new Array<number>(horizon).fill(5), {
      horizon: 2,
    });
    expect(result.mape).toBeNull();
    expect(result.mae).toBeCloseTo((5 * 2) / 10, 12);
  });
});
