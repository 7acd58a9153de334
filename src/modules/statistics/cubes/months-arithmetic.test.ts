import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonthsToDate, endOfMonth, wholeMonths } from "./months.js";

/**
 * The calendar helpers compute by hand what Date computes; these are the plain Date computations
 * they replaced, which every output must still equal.
 */
function addDaysByDate(date: string, count: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + count);
  return at.toISOString().slice(0, 10);
}

function daysInByDate(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function endOfMonthByDate(month: string): string {
  return `${month}-${String(daysInByDate(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, "0")}`;
}

function splitMonth(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function addMonthsToDateByDate(date: string, count: number): string {
  const [year, monthNumber] = splitMonth(date.slice(0, 7));
  const index = year * 12 + (monthNumber - 1) + count;
  const month = `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
  const [toYear, toMonth] = splitMonth(month);
  const day = Math.min(Number(date.slice(8, 10)), daysInByDate(toYear, toMonth));
  return `${month}-${String(day).padStart(2, "0")}`;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");
/** Dates written YYYY-MM-DD, real ones and a few that Date rolls over (30 February) or rejects (day 0). */
const dates = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 31 })),
  })
  .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
const counts = fc.oneof(
  fc.integer({ min: -400, max: 400 }),
  fc.integer({ min: -4_000_000, max: 4_000_000 }),
  fc.constantFrom(0, 1, -1, 0.5, -1.5),
);

/** The error of a call that throws, so that a throw must be matched by the same throw. */
function outcome(compute: () => string): string {
  try {
    return compute();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

describe("calendar helpers computed by hand", () => {
  it("add days as Date does, over any date and count", () => {
    fc.assert(
      fc.property(dates, counts, (date, count) => {
        expect(outcome(() => addDays(date, count))).toBe(outcome(() => addDaysByDate(date, count)));
      }),
      { numRuns: 5000 },
    );
    // Across leap days, centuries and the ends of the years handled by hand.
    for (const [date, count] of [
      ["2024-02-28", 1],
      ["2100-02-28", 1],
      ["2000-02-28", 1],
      ["1000-01-01", -1],
      ["9999-12-31", 1],
      ["2024-02-30", 0],
      ["2024-02-00", 1],
    ] as const) {
      expect(outcome(() => addDays(date, count))).toBe(outcome(() => addDaysByDate(date, count)));
    }
  });

  it("end months and add months as Date does", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -1300, max: 1300 }), (date, count) => {
        const month = date.slice(0, 7);
        expect(endOfMonth(month)).toBe(endOfMonthByDate(month));
        expect(addMonthsToDate(date, count)).toBe(addMonthsToDateByDate(date, count));
      }),
      { numRuns: 2000 },
    );
  });

  it("count whole months as before over real dates", () => {
    const realDates = fc
      .date({
        min: new Date("1950-01-01T00:00:00Z"),
        max: new Date("2100-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(realDates, fc.integer({ min: 0, max: 4000 }), (from, days) => {
        const to = addDaysByDate(from, days);
        // Whole months: the last count of months whose date lands on or before the day after `to`.
        const after = addDaysByDate(to, 1);
        let months = 0;
        while (addMonthsToDate(from, months + 1) <= after) months += 1;
        expect(wholeMonths(from, to)).toBe(months);
      }),
      { numRuns: 1000 },
    );
  });
});
