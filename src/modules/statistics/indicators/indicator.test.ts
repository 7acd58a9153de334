import { describe, expect, it } from "vitest";
import { evaluateIndicator, progressTowardsTarget } from "./indicator.js";
import { type IndicatorDefinition, parseIndicator, type SeriesRef } from "./indicator-definition.js";

const text = { az: "x", en: "x", ru: "x" };

const recognitionRate: IndicatorDefinition = parseIndicator({
  code: "recognition-rate",
  name: text,
  numerator: { series: "decisions", filter: { decision: "POSITIVE" } },
  denominator: { series: "decisions", filter: { decision: "TOTAL" } },
  factor: 100,
  unit: text,
  baseline: { period: "2020", value: 20 },
  target: { period: "2030", value: 40, direction: "up" },
});

const data: Record<string, Record<string, number>> = {
  POSITIVE: { "2024": 30, "2025": 7, "2026": 5 },
  TOTAL: { "2024": 120, "2025": 8, "2026": 0 },
};
const resolve = (ref: SeriesRef, period: string) => data[ref.filter?.decision ?? ""]?.[period] ?? 0;

describe("evaluateIndicator", () => {
  it("scales the ratio by the factor, period by period", () => {
    expect(evaluateIndicator(recognitionRate, resolve, ["2024", "2025"])).toEqual([
      { period: "2024", value: 25, numerator: 30, denominator: 120 },
      { period: "2025", value: 87.5, numerator: 7, denominator: 8 },
    ]);
  });

  it("has no value when the denominator is 0", () => {
    expect(evaluateIndicator(recognitionRate, resolve, ["2026"])).toEqual([
      { period: "2026", value: null, numerator: 5, denominator: 0 },
    ]);
  });

  it("scales the numerator alone when there is no denominator", () => {
    const { denominator: _denominator, ...rest } = recognitionRate;
    const thousands = { ...rest, factor: 0.001 };
    expect(evaluateIndicator(thousands, () => 2500, ["2025-03"])).toEqual([
      { period: "2025-03", value: 2.5, numerator: 2500, denominator: null },
    ]);
  });

  it("passes the reference and the period to the resolver", () => {
    const calls: Array<[string, string]> = [];
    evaluateIndicator(
      recognitionRate,
      (ref, period) => {
        calls.push([ref.filter?.decision ?? "", period]);
        return 1;
      },
      ["2025-01"],
    );
    expect(calls).toEqual([
      ["POSITIVE", "2025-01"],
      ["TOTAL", "2025-01"],
    ]);
  });
});

describe("progressTowardsTarget", () => {
  it("measures the share of the distance covered, unclipped", () => {
    // Baseline 20, target 40: 30 is half way, 50 overshoots, 10 went backwards.
    expect(progressTowardsTarget(recognitionRate, { period: "2025", value: 30 }).share).toBe(0.5);
    expect(progressTowardsTarget(recognitionRate, { period: "2025", value: 50 }).share).toBe(1.5);
    expect(progressTowardsTarget(recognitionRate, { period: "2025", value: 10 }).share).toBe(-0.5);
  });

  it("is on track when on or above the straight line from baseline to target", () => {
    // 2025 is half of the way from 2020 to 2030, so half the distance (30) is needed.
    expect(progressTowardsTarget(recognitionRate, { period: "2025", value: 30 }).onTrack).toBe(true);
    expect(progressTowardsTarget(recognitionRate, { period: "2025", value: 29.9 }).onTrack).toBe(false);
    // 2022 is 20 % of the way: 24 is enough.
    expect(progressTowardsTarget(recognitionRate, { period: "2022", value: 24 }).onTrack).toBe(true);
    // A month is placed on the same axis: 2025-07 is 60.5/120 of the way, needing 30.0833...
    expect(progressTowardsTarget(recognitionRate, { period: "2025-07", value: 30.05 }).onTrack).toBe(false);
    expect(progressTowardsTarget(recognitionRate, { period: "2025-07", value: 30.1 }).onTrack).toBe(true);
  });

  it("demands the target itself once the target period has passed", () => {
    expect(progressTowardsTarget(recognitionRate, { period: "2031", value: 39 }).onTrack).toBe(false);
    expect(progressTowardsTarget(recognitionRate, { period: "2031", value: 40 }).onTrack).toBe(true);
  });

  it("works the same way for a target going down", () => {
    const waiting = parseIndicator({
      ...recognitionRate,
      code: "median-waiting-days",
      baseline: { period: "2024-01", value: 200 },
      target: { period: "2025-01", value: 100, direction: "down" },
    });
    // Three months of twelve gone, 25 of 100 days needed; 180 covers only 20.
    expect(progressTowardsTarget(waiting, { period: "2024-04", value: 180 })).toEqual({
      share: 0.2,
      onTrack: false,
    });
    expect(progressTowardsTarget(waiting, { period: "2024-04", value: 175 })).toEqual({
      share: 0.25,
      onTrack: true,
    });
  });

  it("has nothing to say without a baseline and a target", () => {
    const { target: _target, ...withoutTarget } = recognitionRate;
    expect(progressTowardsTarget(withoutTarget, { period: "2025", value: 30 })).toEqual({
      share: null,
      onTrack: null,
    });
  });
});
