import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonthsToDate,
  addMonthsToMonth,
  daysBetween,
  endOfMonth,
  monthsOfPeriod,
  quarterOf,
  wholeMonths,
} from "./months.js";

describe("addMonthsToDate", () => {
  it("keeps the day, or takes the last day of a shorter month", () => {
    // 31 Jan + 1 month: February has no 31st, so its last day (28 in 2025, 29 in the leap year 2024).
    expect(addMonthsToDate("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonthsToDate("2024-01-31", 1)).toBe("2024-02-29");
    // 31 Mar + 1 month → 30 Apr; same day when it exists.
    expect(addMonthsToDate("2025-03-31", 1)).toBe("2025-04-30");
    expect(addMonthsToDate("2025-03-15", 1)).toBe("2025-04-15");
  });

  it("crosses years both ways", () => {
    // 2025-11-30 + 3 months → Feb 2026 (28 days) → 2026-02-28.
    expect(addMonthsToDate("2025-11-30", 3)).toBe("2026-02-28");
    // 2025-01-10 - 6 months → 2024-07-10; 2024-12-31 - 6 months → June has 30 days → 2024-06-30.
    expect(addMonthsToDate("2025-01-10", -6)).toBe("2024-07-10");
    expect(addMonthsToDate("2024-12-31", -6)).toBe("2024-06-30");
    // 29 Feb 2008 + 18 years → 2026 is not a leap year → 28 Feb.
    expect(addMonthsToDate("2008-02-29", 18 * 12)).toBe("2026-02-28");
  });
});

describe("addMonthsToMonth, endOfMonth, addDays, daysBetween, quarterOf", () => {
  it("does calendar arithmetic without time zones", () => {
    expect(addMonthsToMonth("2025-01", -1)).toBe("2024-12");
    expect(addMonthsToMonth("2025-12", 1)).toBe("2026-01");
    expect(addMonthsToMonth("2025-03", 24)).toBe("2027-03");
    expect(endOfMonth("2024-02")).toBe("2024-02-29");
    expect(endOfMonth("2025-02")).toBe("2025-02-28");
    expect(endOfMonth("2025-04")).toBe("2025-04-30");
    expect(endOfMonth("2025-12")).toBe("2025-12-31");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    // 10 Jan → 11 Mar 2025: 21 days to 31 Jan, 28 in February, 11 in March = 60.
    expect(daysBetween("2025-01-10", "2025-03-11")).toBe(60);
    // Across the end of summer time in Europe: still whole days.
    expect(daysBetween("2025-10-20", "2025-10-30")).toBe(10);
    expect(quarterOf("2025-03")).toBe("2025-Q1");
    expect(quarterOf("2025-04")).toBe("2025-Q2");
    expect(quarterOf("2025-12")).toBe("2025-Q4");
  });
});

describe("wholeMonths", () => {
  it("counts whole months from the first day to the day after the last (inclusive validity)", () => {
    // 1 Jan - 31 Dec: the day after is 1 Jan next year, 12 months exactly.
    expect(wholeMonths("2025-01-01", "2025-12-31")).toBe(12);
    // 1 Jan - 30 Dec: one day short of 12 months.
    expect(wholeMonths("2025-01-01", "2025-12-30")).toBe(11);
    // 15 Jan - 14 Apr: the day after is 15 Apr = 15 Jan + 3 months.
    expect(wholeMonths("2025-01-15", "2025-04-14")).toBe(3);
    // 15 Jan - 13 Apr: 14 Apr is before 15 Apr, so only 2 whole months.
    expect(wholeMonths("2025-01-15", "2025-04-13")).toBe(2);
    // 31 Jan - 27 Feb: the day after is 28 Feb = 31 Jan + 1 month (clamped).
    expect(wholeMonths("2025-01-31", "2025-02-27")).toBe(1);
    expect(wholeMonths("2025-01-31", "2025-02-26")).toBe(0);
    // A single day, and an end before the start.
    expect(wholeMonths("2025-05-10", "2025-05-10")).toBe(0);
    expect(wholeMonths("2025-05-10", "2025-03-01")).toBe(0);
    expect(wholeMonths("2025-01-10", "2023-05-01")).toBe(0);
    // 29 Feb 2024 - 27 Feb 2025: the day after is 28 Feb 2025 = 29 Feb 2024 + 12 months (clamped).
    expect(wholeMonths("2024-02-29", "2025-02-27")).toBe(12);
  });
});

describe("monthsOfPeriod", () => {
  it("gives the month of a month", () => {
    expect(monthsOfPeriod("2025-03")).toEqual(["2025-03"]);
  });

  it("gives the three months of a quarter", () => {
    expect(monthsOfPeriod("2025-Q1")).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(monthsOfPeriod("2025-Q2")).toEqual(["2025-04", "2025-05", "2025-06"]);
    expect(monthsOfPeriod("2025-Q3")).toEqual(["2025-07", "2025-08", "2025-09"]);
    expect(monthsOfPeriod("2025-Q4")).toEqual(["2025-10", "2025-11", "2025-12"]);
  });

  it("gives the twelve months of a year", () => {
    const months = monthsOfPeriod("2025");
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-01");
    expect(months[11]).toBe("2025-12");
  });

  it("refuses what is not a period", () => {
    for (const period of ["2025-Q5", "2025-Q0", "25-01", "2025-1", "2025/01", "", "2025-01-01", "Q1-2025"]) {
      expect(() => monthsOfPeriod(period), period).toThrow(RangeError);
    }
  });
});
