import { describe, expect, it } from "vitest";
import { seasonalNaive, simpleExponentialSmoothing } from "./fallback-models.js";

describe("seasonalNaive", () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 4];

  it("repeats the last twelve months seen", () => {
    expect(seasonalNaive(values, 14).means).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 4, 3, 4]);
  });

  it("grows the variance by whole seasons", () => {
    // Seasonal differences 3-1 and 4-2 are both 2, so sigma^2 = 4.
    const { variances } = seasonalNaive(values, 25);
    expect(variances[0]).toBe(4);
    expect(variances[11]).toBe(4);
    expect(variances[12]).toBe(8);
    expect(variances[24]).toBe(12);
  });
});

describe("simpleExponentialSmoothing", () => {
  it("forecasts a constant series as that constant with no spread", () => {
    const result = simpleExponentialSmoothing([7, 7, 7, 7, 7], 3);
    expect(result.means).toEqual([7, 7, 7]);
    expect(result.variances).toEqual([0, 0, 0]);
  });

  it("widens with the horizon as sigma^2 (1 + alpha^2 (h - 1))", () => {
    const result = simpleExponentialSmoothing([10, 14, 9, 15, 11, 13, 8], 4);
    for (const [index, variance] of result.variances.entries()) {
      expect(variance).toBeCloseTo(result.sigma2 * (1 + result.alpha ** 2 * index), 12);
    }
    expect(result.sigma2).toBeGreaterThan(0);
  });
});
