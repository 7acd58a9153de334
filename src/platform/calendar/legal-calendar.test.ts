import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildLegalCalendars,
  CalendarCountryMissingError,
  CalendarDataError,
  CalendarYearMissingError,
  type LegalCalendar,
  loadLegalCalendars,
  shippedCalendarDataDir,
} from "./index.js";

const az = loadLegalCalendars().of("AZ");

function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let time = Date.UTC(year, 0, 1); new Date(time).getUTCFullYear() === year; time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

function workingDaysIn(calendar: LegalCalendar, year: number): number {
  return daysOfYear(year).filter((day) => calendar.isWorkingDay(day)).length;
}

function carriedDaysIn(calendar: LegalCalendar, year: number): string[] {
  return calendar
    .specialDaysOf(year)
    .filter((day) => day.carriedOverFrom.length > 0)
    .map((day) => day.date);
}

const azCountryFile = JSON.parse(readFileSync(path.join(shippedCalendarDataDir, "az.json"), "utf8"));

/** A small year file for cases the shipped years do not contain. */
function syntheticYear(year: number, holidays: Array<[string, "holiday" | "memorial"]>, extra: object = {}) {
  return {
    file: `az-${year}.json`,
    content: {
      country: "AZ",
      year,
      status: "official",
      checkedOn: "2026-11-28",
      sources: [{ title: "test" }],
      nonWorkingDays: holidays.map(([date, kind]) => ({
        date,
        kind,
        basis: "law",
        name: { en: `${kind} ${date}` },
        reference: "test",
      })),
      ...extra,
    },
  };
}

function syntheticCalendar(...years: ReturnType<typeof syntheticYear>[]): LegalCalendar {
  return buildLegalCalendars([{ file: "az.json", content: azCountryFile }, ...years]).of("AZ");
}

describe("the Azerbaijan calendar as shipped", () => {
  it("matches the official count of working days of the five-day week", () => {
    // Ministry of Labour and Social Protection production calendars: 239 in 2025, 241 in 2026.
    expect(workingDaysIn(az, 2025)).toBe(239);
    expect(workingDaysIn(az, 2026)).toBe(241);
    expect(workingDaysIn(az, 2027)).toBe(241); // provisional: estimated religious holidays
    expect(az.coveredYears().map(({ year, status }) => `${year} ${status}`)).toEqual([
      "2025 official",
      "2026 official",
      "2027 provisional",
    ]);
  });

  it("keeps the holidays of Labour Code art. 105 and the day of national mourning off", () => {
    for (const day of ["2025-01-01", "2025-01-02", "2025-05-09", "2025-05-28", "2025-06-26", "2025-12-31"]) {
      expect(az.isWorkingDay(day), day).toBe(false);
    }
    expect(az.describeDay("2026-06-15").nonWorkingDays.map((d) => d.name.en)).toEqual([
      "National Salvation Day of the Azerbaijani People",
    ]);
    // 20 January is not a holiday but is not a working day either (Labour Code art. 106).
    const mourning = az.describeDay("2026-01-20");
    expect(mourning.working).toBe(false);
    expect(mourning.nonWorkingDays[0]?.kind).toBe("memorial");
    // Memorial days that are not in the law's list stay working days (27 September, art. 106.1).
    expect(az.isWorkingDay("2026-09-28")).toBe(true);
  });

  it("gives the next working day off when a holiday falls on a weekend (art. 105.5)", () => {
    // 2025: Gurban 7 June is a Saturday, 15 June a Sunday, 8-9 November a weekend.
    expect(carriedDaysIn(az, 2025)).toEqual(
      expect.arrayContaining(["2025-06-09", "2025-06-16", "2025-11-10", "2025-11-11"]),
    );
    expect(az.describeDay("2025-06-09").carriedOverFrom).toEqual(["2025-06-07"]);
    expect(az.isWorkingDay("2025-06-10")).toBe(true);
    // 2026: 8 March a Sunday, 9 May a Saturday, 8 November a Sunday followed by Flag Day on Monday.
    expect(carriedDaysIn(az, 2026)).toEqual([
      "2026-03-09",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-30",
      "2026-05-11",
      "2026-05-29",
      "2026-11-10",
    ]);
    expect(az.describeDay("2026-11-10").carriedOverFrom).toEqual(["2026-11-08"]);
    // 2027: 2 January and 26 June are Saturdays, 9 May and Gurban on 16 May are Sundays.
    expect(carriedDaysIn(az, 2027)).toEqual([
      "2027-01-04",
      "2027-03-25",
      "2027-03-26",
      "2027-05-10",
      "2027-05-18",
      "2027-06-28",
    ]);
  });

  it("counts Ramadan overlapping Novruz in 2026 twice: eleven days off in a row (art. 105.6)", () => {
    const march = daysOfYear(2026).filter((day) => day.startsWith("2026-03-"));
    const off = march.filter((day) => !az.isWorkingDay(day) && day >= "2026-03-19");
    expect(off.slice(0, 12)).toEqual([
      "2026-03-20",
      "2026-03-21",
      "2026-03-22",
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
    ]);
    expect(az.isWorkingDay("2026-03-19")).toBe(true);
    expect(az.isWorkingDay("2026-03-31")).toBe(true);
    expect(
      az
        .describeDay("2026-03-21")
        .nonWorkingDays.map((d) => d.name.en)
        .sort(),
    ).toEqual(["Novruz", "Ramadan Bayram (Eid al-Fitr)"]);
    // Gurban on Independence Day (28 May) gives Friday 29 May off.
    expect(az.describeDay("2026-05-29").carriedOverFrom).toEqual(["2026-05-28"]);
  });

  it("applies the Cabinet's transfers on top of the law", () => {
    // Decision No. 499 of 2024: 3 January 2025 off. Decision No. 23 of 2025: 27-28 March off,
    // 10 March and 1 April (carried-over days) working again.
    expect(az.isWorkingDay("2025-01-03")).toBe(false);
    expect(az.describeDay("2025-01-03").extraDayOff?.reference).toContain("No. 499");
    const run = daysOfYear(2025).filter((day) => day >= "2025-03-20" && day <= "2025-03-31");
    expect(run.every((day) => !az.isWorkingDay(day))).toBe(true);
    expect(az.isWorkingDay("2025-04-01")).toBe(true);
    expect(az.isWorkingDay("2025-03-10")).toBe(true);
    expect(az.describeDay("2025-03-10")).toMatchObject({ working: true, carriedOverFrom: ["2025-03-08"] });
    // The voting day of the municipal elections (Election Code art. 8.2).
    expect(az.describeDay("2025-01-29").nonWorkingDays[0]?.kind).toBe("election");
  });
});

describe("working-day arithmetic", () => {
  it("adds working days across year ends and holidays", () => {
    // 31 Dec, 1-2 Jan off, 3-4 Jan 2026 a weekend.
    expect(az.addWorkingDays("2025-12-29", 3)).toBe("2026-01-06");
    // 31 Dec 2026, 1 Jan, weekend 2-3 Jan (2 Jan a holiday on a Saturday), 4 Jan carried over.
    expect(az.addWorkingDays("2026-12-30", 5)).toBe("2027-01-11");
    expect(az.addWorkingDays("2026-01-06", -3)).toBe("2025-12-29");
    expect(az.addWorkingDays("2026-03-21", 0)).toBe("2026-03-21");
    expect(az.addWorkingDays("2026-03-19", 1)).toBe("2026-03-31");
  });

  it("counts working days after the first date up to and including the second", () => {
    expect(az.workingDaysBetween("2025-12-29", "2026-01-06")).toBe(3);
    expect(az.workingDaysBetween("2026-01-06", "2025-12-29")).toBe(-3);
    expect(az.workingDaysBetween("2026-03-19", "2026-03-30")).toBe(0);
    expect(az.workingDaysBetween("2026-03-19", "2026-03-19")).toBe(0);
  });

  it("adds calendar days without needing calendar data", () => {
    expect(az.addCalendarDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(az.addCalendarDays("2030-01-01", -1)).toBe("2029-12-31");
    expect(az.addCalendarDays(new Date("2026-03-19T21:00:00Z"), 1)).toBe("2026-03-21");
  });

  it("refuses to count in a year without data, naming the file to add", () => {
    expect(() => az.isWorkingDay("2028-01-04")).toThrow(CalendarYearMissingError);
    expect(() => az.isWorkingDay("2024-12-31")).toThrow(/az-2024\.json/);
    expect(() => az.addWorkingDays("2027-12-28", 5)).toThrow(CalendarYearMissingError);
    expect(() => az.addWorkingDays("2026-01-01", 1.5)).toThrow(/whole number/);
  });

  it("finds a country's calendar by its code", () => {
    const calendars = loadLegalCalendars();
    expect(calendars.countries()).toEqual(["AZ"]);
    expect(calendars.of("az").timeZone).toBe("Asia/Baku");
    expect(() => calendars.of("GE")).toThrow(CalendarCountryMissingError);
  });
});

describe("carry-over rules on constructed years", () => {
  it("does not carry over the day of national mourning when it falls on a weekend", () => {
    // 20 January 2029 is a Saturday: Monday 22 January stays a working day.
    const calendar = syntheticCalendar(syntheticYear(2029, [["2029-01-20", "memorial"]]));
    expect(calendar.isWorkingDay("2029-01-22")).toBe(true);
    expect(carriedDaysIn(calendar, 2029)).toEqual([]);
  });

  it("carries days off from one year into the next when both years are loaded", () => {
    // 31 December 2022 a Saturday and 1 January 2023 a Sunday: 3 and 4 January 2023 off.
    const lastDay = syntheticYear(2022, [["2022-12-31", "holiday"]]);
    const newYear = syntheticYear(2023, [
      ["2023-01-01", "holiday"],
      ["2023-01-02", "holiday"],
    ]);
    const calendar = syntheticCalendar(lastDay, newYear);
    expect(carriedDaysIn(calendar, 2023)).toEqual(["2023-01-03", "2023-01-04"]);
    expect(calendar.isWorkingDay("2023-01-05")).toBe(true);
    // Alone, 2023 only knows its own Sunday; the carried day from 2022 must be entered by hand,
    // and is refused as a duplicate as soon as 2022 is loaded too.
    const byHand = {
      extraDaysOff: [{ date: "2023-01-04", reason: "carried over from 31 December 2022", reference: "test" }],
    };
    const alone = syntheticCalendar(
      syntheticYear(
        2023,
        [
          ["2023-01-01", "holiday"],
          ["2023-01-02", "holiday"],
        ],
        byHand,
      ),
    );
    expect(carriedDaysIn(alone, 2023)).toEqual(["2023-01-03"]);
    expect(alone.isWorkingDay("2023-01-04")).toBe(false);
    expect(() =>
      syntheticCalendar(
        lastDay,
        syntheticYear(
          2023,
          [
            ["2023-01-01", "holiday"],
            ["2023-01-02", "holiday"],
          ],
          byHand,
        ),
      ),
    ).toThrow(CalendarDataError);
  });

  it("pays several carried days in order, skipping days already off", () => {
    // A holiday on the Saturday and one on the Sunday owe two days off; the memorial day on the
    // Saturday adds nothing, and the memorial day on Monday is off without owing: Tue and Wed.
    const calendar = syntheticCalendar(
      syntheticYear(2029, [
        ["2029-03-10", "holiday"],
        ["2029-03-10", "memorial"],
        ["2029-03-11", "holiday"],
        ["2029-03-12", "memorial"],
      ]),
    );
    expect(carriedDaysIn(calendar, 2029)).toEqual(["2029-03-13", "2029-03-14"]);
  });
});
