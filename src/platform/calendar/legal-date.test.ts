import { describe, expect, it } from "vitest";
import { InvalidLegalDateError } from "./errors.js";
import { dayNumberOf, isLegalDate, isoWeekdayOf, legalDateAt, legalDateOfDayNumber } from "./legal-date.js";

describe("legal dates", () => {
  it("round-trips through day numbers and knows the weekday", () => {
    expect(dayNumberOf("1970-01-01")).toBe(0);
    expect(legalDateOfDayNumber(dayNumberOf("2028-02-29"))).toBe("2028-02-29");
    expect(isoWeekdayOf(dayNumberOf("2026-03-21"))).toBe(6); // a Saturday
    expect(isoWeekdayOf(dayNumberOf("2026-03-22"))).toBe(7); // a Sunday
    expect(isoWeekdayOf(dayNumberOf("1969-12-29"))).toBe(1); // a Monday before day 0
  });

  it("refuses days that do not exist or are not written YYYY-MM-DD", () => {
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-5", "05/01/2025", "2025-03-20T10:00:00Z", ""]) {
      expect(isLegalDate(bad)).toBe(false);
      expect(() => dayNumberOf(bad)).toThrow(InvalidLegalDateError);
    }
  });

  it("reads an instant on the wall clock of the zone (Baku is UTC+4, no summer time)", () => {
    expect(legalDateAt(new Date("2026-03-19T19:59:59Z"), "Asia/Baku")).toBe("2026-03-19");
    expect(legalDateAt(new Date("2026-03-19T20:00:00Z"), "Asia/Baku")).toBe("2026-03-20");
    expect(legalDateAt(new Date("2026-07-01T20:30:00Z"), "Asia/Baku")).toBe("2026-07-02");
    expect(legalDateAt(new Date("2026-03-19T20:00:00Z"), "UTC")).toBe("2026-03-19");
    expect(() => legalDateAt(new Date("not a date"), "Asia/Baku")).toThrow(InvalidLegalDateError);
  });
});
