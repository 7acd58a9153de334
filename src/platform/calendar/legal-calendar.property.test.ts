import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLegalCalendars } from "./index.js";

const az = loadLegalCalendars().of("AZ");

/** Any legal date of 2025 and 2026, so that sums of up to 150 working days stay inside the data. */
const legalDate = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const workingDays = fc.integer({ min: 1, max: 150 });
const halfAsMany = fc.integer({ min: 1, max: 75 });

describe("working-day arithmetic, for any day", () => {
  it("adding n > 0 working days lands on a working day exactly n working days later", () => {
    fc.assert(
      fc.property(legalDate, workingDays, (date, n) => {
        const result = az.addWorkingDays(date, n);
        expect(az.isWorkingDay(result)).toBe(true);
        expect(az.workingDaysBetween(date, result)).toBe(n);
        expect(az.workingDaysBetween(result, date)).toBe(-n);
        expect(result > date).toBe(true);
      }),
    );
  });

  it("adds in steps: (d + a) + b = d + (a + b)", () => {
    fc.assert(
      fc.property(legalDate, halfAsMany, halfAsMany, (date, a, b) => {
        expect(az.addWorkingDays(az.addWorkingDays(date, a), b)).toBe(az.addWorkingDays(date, a + b));
      }),
    );
  });

  it("goes back to the same working day", () => {
    fc.assert(
      fc.property(legalDate, workingDays, (date, n) => {
        const start = az.isWorkingDay(date) ? date : az.addWorkingDays(date, 1);
        expect(az.addWorkingDays(az.addWorkingDays(start, n), -n)).toBe(start);
      }),
    );
  });

  it("a working-day deadline without pauses is the same as adding working days", () => {
    fc.assert(
      fc.property(legalDate, workingDays, (date, n) => {
        const deadline = az.computeDeadline({ start: date, amount: n, unit: "working" });
        expect(deadline).toMatchObject({ status: "counting", due: az.addWorkingDays(date, n) });
      }),
    );
  });

  it("a closed pause pushes the deadline back by the working days it covers, never forward", () => {
    fc.assert(
      fc.property(
        legalDate,
        workingDays,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (date, n, offset, length) => {
          const from = az.addCalendarDays(date, offset);
          const to = az.addCalendarDays(from, length);
          const without = az.computeDeadline({ start: date, amount: n, unit: "working" });
          const paused = az.computeDeadline({
            start: date,
            amount: n,
            unit: "working",
            pauses: [{ from, to }],
          });
          if (without.status !== "counting" || paused.status !== "counting")
            throw new Error("unexpected stop");
          expect(paused.due >= without.due).toBe(true);
          const pausedWorkingDays = without.due > from ? az.workingDaysBetween(from, to) : 0;
          expect(az.workingDaysBetween(without.due, paused.due)).toBe(pausedWorkingDays);
        },
      ),
    );
  });

  it("a calendar-day deadline in Azerbaijan always ends on a working day, never before the plain sum", () => {
    fc.assert(
      fc.property(legalDate, workingDays, (date, n) => {
        const deadline = az.computeDeadline({ start: date, amount: n, unit: "calendar" });
        if (deadline.status !== "counting") throw new Error("unexpected stop");
        expect(az.isWorkingDay(deadline.due)).toBe(true);
        expect(deadline.due >= az.addCalendarDays(date, n)).toBe(true);
      }),
    );
  });

  it("the fraction of legal time used never decreases as days pass", () => {
    fc.assert(
      fc.property(legalDate, workingDays, fc.integer({ min: 0, max: 200 }), (date, n, later) => {
        const spec = { start: date, amount: n, unit: "working" as const };
        const today = az.addCalendarDays(date, Math.floor(later / 2));
        const after = az.addCalendarDays(date, later);
        if (after > "2026-12-31") return;
        expect(az.legalTimeUsed(spec, after)).toBeGreaterThanOrEqual(az.legalTimeUsed(spec, today));
      }),
    );
  });
});
