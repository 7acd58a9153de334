import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLegalCalendars } from "../../platform/calendar/index.js";
import { loadAsylumLaw } from "./asylum-law.js";
import { asylumStepTimings, dueDate } from "./time-limits.js";

const calendar = loadLegalCalendars().of("AZ");
const law = loadAsylumLaw("AZ");

function entered(...steps: Array<[string, string]>) {
  return steps.map(([state, on]) => ({
    state,
    on,
    closes: state === "withdrawn" || state === "implicitly-withdrawn",
  }));
}

describe("asylum time limits", () => {
  it("has a source and a status for every limit and status of Azerbaijan's law file", () => {
    for (const limit of Object.values(law.steps)) expect(limit.source.length).toBeGreaterThan(40);
    expect(law.outcomes["refugee-status"].granted).toBe(true);
    expect(law.outcomes["subsidiary-protection"].granted).toBe(false);
  });

  it("counts months to the day before the same date, the shorter reading where the month is short", () => {
    expect(dueDate("2026-03-02", { amount: 3, unit: "months" }, calendar)).toBe("2026-06-01");
    expect(dueDate("2026-11-30", { amount: 3, unit: "months" }, calendar)).toBe("2027-02-27");
    expect(dueDate("2026-03-02", { amount: 30, unit: "calendar" }, calendar)).toBe("2026-04-01");
  });

  it("counts working days over weekends and public holidays", () => {
    // Friday 20 March 2026: Novruz holidays follow, so ten working days end well after 10 calendar days.
    const due = dueDate("2026-03-13", { amount: 10, unit: "working" }, calendar);
    expect(due).toBe(calendar.addWorkingDays("2026-03-13", 10));
    expect(due > "2026-03-27").toBe(true);
  });

  it("gives each step of an ordinary case its state: met, late, running or overdue", () => {
    const timings = asylumStepTimings({
      entered: entered(
        ["registered", "2026-03-02"],
        ["identity-checks", "2026-03-03"],
        ["interview-scheduled", "2026-03-05"],
        ["interview-held", "2026-05-20"],
      ),
      accelerated: false,
      law,
      calendar,
      today: "2026-06-10",
    });
    expect(timings.map(({ step, status }) => [step, status])).toEqual([
      ["identityChecks", "met"],
      ["interview", "late"],
      ["firstInstanceDecision", "overdue"],
    ]);
    expect(timings[2]?.due).toBe("2026-06-01");
  });

  it("holds an accelerated case to the shorter limit, and stops the clock of a withdrawn one", () => {
    const running = asylumStepTimings({
      entered: entered(["registered", "2026-03-02"]),
      accelerated: true,
      law,
      calendar,
      today: "2026-03-10",
    });
    expect(running.find((one) => one.step === "acceleratedDecision")).toMatchObject({
      due: "2026-04-01",
      status: "running",
    });
    expect(running.some((one) => one.step === "firstInstanceDecision")).toBe(false);
    const withdrawn = asylumStepTimings({
      entered: entered(["registered", "2026-03-02"], ["implicitly-withdrawn", "2026-03-20"]),
      accelerated: false,
      law,
      calendar,
      today: "2026-12-01",
    });
    expect(withdrawn.map((one) => one.status)).toEqual(["stopped", "stopped", "stopped"]);
  });

  it("counts the appeal period from the notification", () => {
    const [appeal] = asylumStepTimings({
      entered: entered(["notified", "2026-05-29"], ["appeal-lodged", "2026-06-20"]),
      accelerated: false,
      law,
      calendar,
      today: "2026-07-01",
    });
    expect(appeal).toEqual({
      step: "appealLodging",
      start: "2026-05-29",
      due: "2026-06-28",
      ended: "2026-06-20",
      status: "met",
    });
  });

  it("never gives a month limit more days than the same months counted on a calendar", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 24 }),
        (start, months) => {
          const from = start.toISOString().slice(0, 10);
          const due = dueDate(from, { amount: months, unit: "months" }, calendar);
          const direct = new Date(`${from}T00:00:00Z`);
          direct.setUTCMonth(direct.getUTCMonth() + months);
          return due < direct.toISOString().slice(0, 10) && due >= from;
        },
      ),
    );
  });
});
