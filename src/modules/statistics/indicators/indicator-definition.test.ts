import { describe, expect, it } from "vitest";
import { indicatorSchema, parseIndicator, periodMidpoint } from "./indicator-definition.js";

const valid = {
  code: "asylum-recognition-rate",
  name: { az: "Tanınma nisbəti", en: "Recognition rate", ru: "Доля признания" },
  numerator: { series: "asylum-decisions", filter: { decision: "POSITIVE" } },
  denominator: { series: "asylum-decisions", filter: { decision: "TOTAL" } },
  factor: 100,
  unit: { az: "%", en: "%", ru: "%" },
  baseline: { period: "2020", value: 20 },
  target: { period: "2030", value: 40, direction: "up" },
};

describe("indicatorSchema", () => {
  it("accepts a complete definition and one without denominator, baseline or target", () => {
    expect(parseIndicator(valid).code).toBe("asylum-recognition-rate");
    const { denominator: _d, baseline: _b, target: _t, ...minimal } = valid;
    expect(indicatorSchema.safeParse({ ...minimal, factor: 1 }).success).toBe(true);
  });

  it("requires a kebab-case code", () => {
    for (const code of ["Asylum-rate", "asylum_rate", "asylum--rate", "-asylum", "asylum-", ""]) {
      expect(indicatorSchema.safeParse({ ...valid, code }).success, code).toBe(false);
    }
  });

  it("requires a positive finite factor", () => {
    for (const factor of [0, -100, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(indicatorSchema.safeParse({ ...valid, factor }).success, `${factor}`).toBe(false);
    }
  });

  it("takes baseline and target periods as YYYY or YYYY-MM only", () => {
    expect(indicatorSchema.safeParse({ ...valid, baseline: { period: "2020-06", value: 20 } }).success).toBe(
      true,
    );
    for (const period of ["2020-13", "20", "2020-1", "2020-06-01", "2020Q1"]) {
      expect(indicatorSchema.safeParse({ ...valid, baseline: { period, value: 20 } }).success, period).toBe(
        false,
      );
    }
  });

  it("refuses a target before the baseline or pointing the wrong way", () => {
    expect(indicatorSchema.safeParse({ ...valid, target: { ...valid.target, period: "2019" } }).success).toBe(
      false,
    );
    expect(
      indicatorSchema.safeParse({ ...valid, target: { ...valid.target, direction: "down" } }).success,
    ).toBe(false);
    expect(indicatorSchema.safeParse({ ...valid, target: { ...valid.target, value: 20 } }).success).toBe(
      false,
    );
  });

  it("needs all three languages", () => {
    expect(indicatorSchema.safeParse({ ...valid, name: { az: "x", en: "x" } }).success).toBe(false);
  });
});

describe("periodMidpoint", () => {
  it("puts a year at its middle and a month at its middle", () => {
    expect(periodMidpoint("2025")).toBe(2025 * 12 + 6);
    expect(periodMidpoint("2025-01")).toBe(2025 * 12 + 0.5);
    expect(periodMidpoint("2025-12") - periodMidpoint("2025")).toBe(5.5);
  });
});
