import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageCodesFor, ageGroupForAge, ageGroupOn, completedYears } from "./age-groups.js";

describe("completedYears", () => {
  it("counts completed years around the birthday", () => {
    expect(completedYears("2000-06-15", "2018-06-14")).toBe(17);
    expect(completedYears("2000-06-15", "2018-06-15")).toBe(18);
    expect(completedYears("2000-06-15", "2000-06-15")).toBe(0);
  });

  it("ages a 29 February birth on 1 March in non-leap years", () => {
    expect(completedYears("2004-02-29", "2022-02-28")).toBe(17);
    expect(completedYears("2004-02-29", "2022-03-01")).toBe(18);
    expect(completedYears("2004-02-29", "2024-02-28")).toBe(19);
    expect(completedYears("2004-02-29", "2024-02-29")).toBe(20);
  });

  it("rejects invalid dates and births after the reference date", () => {
    expect(() => completedYears("2001-02-29", "2020-01-01")).toThrow(/not a calendar date/);
    expect(() => completedYears("2000-13-01", "2020-01-01")).toThrow(/not a calendar date/);
    expect(() => completedYears("2000-1-01", "2020-01-01")).toThrow(/YYYY-MM-DD/);
    expect(() => completedYears("2020-01-02", "2020-01-01")).toThrow(/after the reference date/);
  });

  it("agrees with a day-by-day reference within the span", () => {
    const day = fc.integer({ min: 0, max: 365 * 120 });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const base = Date.UTC(1900, 0, 1);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const birth = new Date(base + lo * 86_400_000);
        const ref = new Date(base + hi * 86_400_000);
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        // Reference: the largest n such that the n-th birthday (29 Feb → 1 Mar) is on or before ref.
        let n = 0;
        for (;;) {
          const y = birth.getUTCFullYear() + n + 1;
          let bd = new Date(Date.UTC(y, birth.getUTCMonth(), birth.getUTCDate()));
          if (bd.getUTCMonth() !== birth.getUTCMonth()) bd = new Date(Date.UTC(y, 2, 1));
          if (bd.getTime() > ref.getTime()) break;
          n++;
        }
        expect(completedYears(iso(birth), iso(ref))).toBe(n);
      }),
    );
  });
});

describe("ageGroupOn", () => {
  it.each([
    ["2010-01-01", "Y_LT14"],
    ["2006-01-02", "Y_LT14"],
    ["2006-01-01", "Y14-17"],
    ["2002-01-02", "Y14-17"],
    ["2002-01-01", "Y18-34"],
    ["1985-01-01", "Y35-64"],
    ["1955-01-02", "Y35-64"],
    ["1955-01-01", "Y_GE65"],
  ])("born %s is %s on 2020-01-01", (birth, group) => {
    expect(ageGroupOn(birth, "2020-01-01")).toBe(group);
  });

  it("maps a missing birth date to UNK but still validates the reference date", () => {
    expect(ageGroupOn(null, "2020-01-01")).toBe("UNK");
    expect(() => ageGroupOn(null, "2020-02-30")).toThrow(RangeError);
  });

  it("rejects negative or fractional ages", () => {
    expect(() => ageGroupForAge(-1)).toThrow(RangeError);
    expect(() => ageGroupForAge(1.5)).toThrow(RangeError);
  });

  it("counts minors under the Y_LT18 aggregate", () => {
    expect(ageCodesFor("Y_LT14")).toEqual(["Y_LT14", "Y_LT18", "TOTAL"]);
    expect(ageCodesFor("Y14-17")).toEqual(["Y14-17", "Y_LT18", "TOTAL"]);
    expect(ageCodesFor("Y18-34")).toEqual(["Y18-34", "TOTAL"]);
    expect(ageCodesFor("UNK")).toEqual(["UNK", "TOTAL"]);
  });
});
