import { describe, expect, it } from "vitest";
import { addMonths, monthIndex, periodFromMonthIndex } from "./month-period.js";

describe("month periods", () => {
  it("rolls over the turn of the year both ways", () => {
    expect(addMonths("2025-11", 3)).toBe("2026-02");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2024-06", 24)).toBe("2026-06");
  });

  it("numbers consecutive months consecutively", () => {
    expect(monthIndex("2026-01") - monthIndex("2025-12")).toBe(1);
    expect(periodFromMonthIndex(monthIndex("2019-07"))).toBe("2019-07");
  });

  it("refuses anything but YYYY-MM", () => {
    for (const period of ["2025-13", "2025-00", "2025-1", "2025", "2025-01-01"]) {
      expect(() => monthIndex(period), period).toThrow(RangeError);
    }
  });
});
