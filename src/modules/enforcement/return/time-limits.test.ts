import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryProfile } from "../../../platform/country/index.js";
import { CaseTypeRegistry } from "../../cases/index.js";
import { returnOrder } from "./case-types/return-order.js";
import { loadReturnLaw, type ReturnLaw } from "./return-law.js";
import { departureAlertDate, departureDeadline, departureStanding } from "./time-limits.js";

const law = loadReturnLaw("AZ");
const calendar = countryProfile().calendar;

describe("the return law shipped for Azerbaijan", () => {
  it("names a source for every value and says which are still to be confirmed", () => {
    expect(law.departureHours).toMatchObject({ hours: 48, status: "to_be_confirmed" });
    expect(law.departureDays).toMatchObject({ min: 7, max: 30, unit: "calendar" });
    expect(law.alertWorkingDays.workingDays).toBe(1);
    for (const value of [law.departureHours, law.departureDays, law.alertWorkingDays, law.entryBanYears]) {
      expect(value.source.length).toBeGreaterThan(40);
    }
  });

  it("refuses a country without a return law rather than counting by another's", () => {
    expect(() => loadReturnLaw("BH")).toThrow(/no return time limits for BH/);
  });

  it("makes a valid case type whose limits are the law's, and whose returns are its transitions", () => {
    const definition = new CaseTypeRegistry([returnOrder]).get("return-order", 1);
    const days = definition.form
      .flatMap((page) => page.fields)
      .find((field) => field.name === "departureDays");
    expect(days).toMatchObject({ min: 7, max: 30 });
    const names = definition.transitions.map((transition) => transition.name);
    expect(
      Object.keys(definition.statistics?.returns?.returnedBy ?? {}).every((name) => names.includes(name)),
    ).toBe(true);
  });

  it("refuses a statistics section counting returns without naming them, or naming them for another count", () => {
    const statistics = returnOrder.statistics as NonNullable<typeof returnOrder.statistics>;
    const { returns: _returns, ...withoutReturns } = statistics;
    expect(() => new CaseTypeRegistry([{ ...returnOrder, statistics: withoutReturns }])).toThrow(
      /returns part/,
    );
    expect(
      () => new CaseTypeRegistry([{ ...returnOrder, statistics: { ...statistics, counts: "registration" } }]),
    ).toThrow(/returns part/);
  });
});

describe("the departure deadline", () => {
  it("runs 48 hours from the instant of the notice, over a weekend too", () => {
    // Friday 6 March 2026, 15:00 in Baku: 48 hours end on Sunday at 15:00.
    const notice = new Date("2026-03-06T11:00:00Z");
    expect(departureDeadline(law, calendar, notice, { kind: "hours" })).toEqual({
      dueDate: "2026-03-08",
      dueAt: "2026-03-08T11:00:00.000Z",
    });
    // Late in the evening in Baku (after 20:00 UTC) the legal day is already the next one.
    expect(
      departureDeadline(law, calendar, new Date("2026-03-02T21:30:00Z"), { kind: "hours" }).dueDate,
    ).toBe("2026-03-05");
  });

  it("runs days from the day after the notice, and a last day off work moves to the next working day", () => {
    // Notified Monday 2 March 2026: 14 days end on Monday 16 March, a working day.
    const monday = new Date("2026-03-02T08:00:00Z");
    expect(departureDeadline(law, calendar, monday, { kind: "days", days: 14 }).dueDate).toBe("2026-03-16");
    // 12 days end on Saturday 14 March: moved to Monday 16 March.
    expect(departureDeadline(law, calendar, monday, { kind: "days", days: 12 }).dueDate).toBe("2026-03-16");
    // Without the rule the Saturday stays the last day.
    const strict: ReturnLaw = {
      ...law,
      departureDays: { ...law.departureDays, lastDayMovesToWorkingDay: false },
    };
    expect(departureDeadline(strict, calendar, monday, { kind: "days", days: 12 }).dueDate).toBe(
      "2026-03-14",
    );
    // Counted in working days when the law says so: 7 working days from Monday 2 March.
    const working: ReturnLaw = { ...law, departureDays: { ...law.departureDays, unit: "working" } };
    expect(departureDeadline(working, calendar, monday, { kind: "days", days: 7 }).dueDate).toBe(
      calendar.addWorkingDays("2026-03-02", 7),
    );
  });

  it("is announced one working day before: a Monday deadline on the Friday before", () => {
    expect(departureAlertDate(law, calendar, "2026-03-16")).toBe("2026-03-13");
    expect(departureStanding(law, calendar, "2026-03-16", "2026-03-12")).toBe("in_time");
    expect(departureStanding(law, calendar, "2026-03-16", "2026-03-13")).toBe("due_soon");
    expect(departureStanding(law, calendar, "2026-03-16", "2026-03-16")).toBe("due_soon");
    expect(departureStanding(law, calendar, "2026-03-16", "2026-03-17")).toBe("overdue");
  });

  it("never ends before the days given, always on a working day, and never later than needed", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2026-01-01T00:00:00Z"),
          max: new Date("2026-12-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: law.departureDays.min, max: law.departureDays.max }),
        (notice, days) => {
          const due = departureDeadline(law, calendar, notice, { kind: "days", days }).dueDate;
          const plain = calendar.addCalendarDays(calendar.legalDate(notice), days);
          expect(due >= plain).toBe(true);
          expect(calendar.isWorkingDay(due)).toBe(true);
          // Every day between the plain last day and the one taken is a day off.
          for (let day = plain; day < due; day = calendar.addCalendarDays(day, 1)) {
            expect(calendar.isWorkingDay(day)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
