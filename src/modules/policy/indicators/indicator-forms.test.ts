import { describe, expect, it } from "vitest";
import { indicatorFormSchema, parseFilter, valueFormSchema } from "./indicator-forms.js";

const typed = {
  code: "share-online",
  nameAz: "a",
  nameEn: "b",
  nameRu: "c",
  kind: "computed",
  numeratorSeries: "registrations",
  numeratorFilter: "d1=AZ-BA|AZ-GA; citizen=SY",
  denominatorSeries: "",
  denominatorFilter: "",
  factor: "1",
  unitAz: "x",
  unitEn: "x",
  unitRu: "x",
  baselinePeriod: "2025",
  baselineValue: "10,5",
  targetPeriod: "2027-06",
  targetValue: "5",
  targetDirection: "down",
  responsibleAgency: "SMS",
  policyChanges: "2025-03-01\n2024-07-15, 2025-03-01",
};

function fieldsRefused(fields: Record<string, string>): string[] {
  const parsed = indicatorFormSchema.safeParse({ ...typed, ...fields });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
}

describe("the indicator definition form", () => {
  it("reads the formula, a decimal comma, and sorted unique policy-change dates", () => {
    const form = indicatorFormSchema.parse(typed);
    expect(form.numerator).toEqual({ series: "registrations", filter: { d1: "AZ-BA|AZ-GA", citizen: "SY" } });
    expect(form.denominator).toBeNull();
    expect(form.baseline).toEqual({ period: "2025", value: 10.5 });
    expect(form.target).toEqual({ period: "2027-06", value: 5, direction: "down" });
    expect(form.policyChanges).toEqual(["2024-07-15", "2025-03-01"]);
  });

  it("keeps no formula for an entered indicator", () => {
    const form = indicatorFormSchema.parse({ ...typed, kind: "entered", factor: "" });
    expect(form).toMatchObject({ numerator: null, denominator: null, factor: 1 });
  });

  it("refuses each mistake at its field", () => {
    expect(fieldsRefused({ code: "new" })).toEqual(["code"]);
    expect(fieldsRefused({ numeratorSeries: "" })).toEqual(["numeratorSeries"]);
    expect(fieldsRefused({ numeratorSeries: "people" })).toEqual(["numeratorSeries"]);
    expect(fieldsRefused({ numeratorFilter: "sex=F" })).toEqual(["numeratorFilter"]);
    expect(fieldsRefused({ factor: "0" })).toEqual(["factor"]);
    expect(fieldsRefused({ targetDirection: "up" })).toEqual(["targetDirection"]);
    expect(fieldsRefused({ targetPeriod: "2024" })).toEqual(["targetPeriod"]);
    expect(fieldsRefused({ baselinePeriod: "", baselineValue: "" })).toEqual(["baselinePeriod"]);
    expect(fieldsRefused({ targetValue: "" })).toEqual(["targetValue"]);
    expect(fieldsRefused({ policyChanges: "2025-02-30" })).toEqual(["policyChanges"]);
  });

  it("reads filters strictly", () => {
    expect(parseFilter("")).toEqual({});
    expect(parseFilter("d1=A; d1=B")).toBeNull();
    expect(parseFilter("d2 = WITHIN")).toEqual({ d2: "WITHIN" });
  });

  it("takes a month's value with its source", () => {
    expect(valueFormSchema.parse({ period: "2026-02", value: " 1 234,5 ", source: "LFS" }).value).toBe(
      1234.5,
    );
    expect(valueFormSchema.safeParse({ period: "2026-13", value: "1", source: "LFS" }).success).toBe(false);
  });
});
