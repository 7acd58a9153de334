import { describe, expect, it } from "vitest";
import { yearOfPeriod } from "./eurostat-period.js";

describe("yearOfPeriod", () => {
  it("shortens every Eurostat period form to its year", () => {
    for (const period of ["2019", "2019-01-01", "2019-03", "2019M03", "2019-Q1", "2019Q4", " 2019 "]) {
      expect(yearOfPeriod(period), period).toBe("2019");
    }
  });

  it("refuses what is not a period", () => {
    for (const period of ["19", "2019-1", "2019/01", "", "abcd"])
      expect(() => yearOfPeriod(period), period).toThrow(RangeError);
  });
});
