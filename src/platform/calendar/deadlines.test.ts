import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildLegalCalendars,
  type CalendarFile,
  type DeadlineSpec,
  InvalidDeadlineError,
  loadLegalCalendars,
  shippedCalendarDataDir,
} from "./index.js";

const az = loadLegalCalendars().of("AZ");

describe("computeDeadline", () => {
  it("counts working days from the day after the event; express tiers are shorter amounts", () => {
    // Submitted Monday 16 March 2026, just before the eleven days off of Novruz and Ramadan.
    const standard = az.computeDeadline({ start: "2026-03-16", amount: 20, unit: "working" });
    const express = az.computeDeadline({ start: "2026-03-16", amount: 15, unit: "working" });
    expect(standard).toMatchObject({ status: "counting", due: "2026-04-22", provisional: false });
    expect(express).toMatchObject({ status: "counting", due: "2026-04-15" });
    expect(az.workingDaysBetween("2026-03-16", "2026-04-22")).toBe(20);
    expect(az.workingDaysBetween("2026-04-15", "2026-04-22")).toBe(5);
  });

  it("reads an instant as the legal date in Baku", () => {
    // 20:30 UTC on 16 March is 00:30 on 17 March in Baku: day 0 is the 17th.
    const late = az.computeDeadline({ start: new Date("2026-03-16T20:30:00Z"), amount: 1, unit: "working" });
    const early = az.computeDeadline({ start: new Date("2026-03-16T19:30:00Z"), amount: 1, unit: "working" });
    expect(late).toMatchObject({ start: "2026-03-17", due: "2026-03-18" });
    expect(early).toMatchObject({ start: "2026-03-16", due: "2026-03-17" });
  });

  it("moves a calendar-day deadline that ends on a day off to the next working day", () => {
    // Ten days after 10 March 2026 is Friday 20 March, Novruz: the first working day is 31 March.
    expect(az.computeDeadline({ start: "2026-03-10", amount: 10, unit: "calendar" })).toMatchObject({
      due: "2026-03-31",
      movedFrom: "2026-03-20",
    });
    expect(az.computeDeadline({ start: "2026-03-09", amount: 10, unit: "calendar" })).toMatchObject({
      due: "2026-03-19",
      movedFrom: null,
    });
    // A country whose law keeps the last day where it falls.
    const country = JSON.parse(readFileSync(path.join(shippedCalendarDataDir, "az.json"), "utf8"));
    country.deadlines.calendarDaysEndingOnDayOff = "unchanged";
    const year: CalendarFile = {
      file: "az-2026.json",
      content: JSON.parse(readFileSync(path.join(shippedCalendarDataDir, "az-2026.json"), "utf8")),
    };
    const keeping = buildLegalCalendars([{ file: "az.json", content: country }, year]).of("AZ");
    expect(keeping.computeDeadline({ start: "2026-03-10", amount: 10, unit: "calendar" })).toMatchObject({
      due: "2026-03-20",
      movedFrom: null,
    });
  });

  it("stops the clock during pauses and resumes it the day after the answer", () => {
    const base = { start: "2026-04-01", amount: 20, unit: "working" } as const;
    expect(az.computeDeadline(base)).toMatchObject({ due: "2026-04-29" });
    // Asked for documents on Tuesday 7 April, answered on Thursday 9: 8 and 9 April not counted.
    const onePause = az.computeDeadline({ ...base, pauses: [{ from: "2026-04-07", to: "2026-04-09" }] });
    expect(onePause).toMatchObject({ due: "2026-05-01" });
    // A second pause from Monday 20 April to Monday 27 April removes five more working days.
    const twoPauses = az.computeDeadline({
      ...base,
      pauses: [
        { from: "2026-04-20", to: "2026-04-27" },
        { from: "2026-04-07", to: "2026-04-09" },
      ],
    });
    expect(twoPauses).toMatchObject({ due: "2026-05-08" });
    // Asked and answered on the same day: nothing is paused.
    expect(az.computeDeadline({ ...base, pauses: [{ from: "2026-04-07", to: "2026-04-07" }] })).toMatchObject(
      {
        due: "2026-04-29",
      },
    );
    // A third request on 4 May, not answered yet: the clock is stopped with four days to go.
    const open = az.computeDeadline({
      ...base,
      pauses: [
        { from: "2026-04-07", to: "2026-04-09" },
        { from: "2026-04-20", to: "2026-04-27" },
        { from: "2026-05-04", to: null },
      ],
    });
    expect(open).toEqual({
      start: "2026-04-01",
      amount: 20,
      unit: "working",
      status: "stopped",
      stoppedSince: "2026-05-04",
      remaining: 4,
      provisional: false,
    });
    // An open pause that begins after the deadline has passed changes nothing.
    expect(az.computeDeadline({ ...base, pauses: [{ from: "2026-05-04" }] })).toMatchObject({
      due: "2026-04-29",
    });
  });

  it("flags deadlines counted through a provisional year", () => {
    const intoJanuary = az.computeDeadline({ start: "2026-12-15", amount: 20, unit: "working" });
    expect(intoJanuary).toMatchObject({ due: "2027-01-15", provisional: true });
    expect(az.computeDeadline({ start: "2026-11-02", amount: 20, unit: "working" })).toMatchObject({
      provisional: false,
    });
  });

  it("refuses specifications it cannot count", () => {
    const base: DeadlineSpec = { start: "2026-04-01", amount: 20, unit: "working" };
    const refused: DeadlineSpec[] = [
      { ...base, amount: 0 },
      { ...base, amount: 2.5 },
      { ...base, pauses: [{ from: "2026-03-30", to: "2026-04-02" }] },
      { ...base, pauses: [{ from: "2026-04-09", to: "2026-04-07" }] },
      {
        ...base,
        pauses: [
          { from: "2026-04-07", to: "2026-04-10" },
          { from: "2026-04-09", to: "2026-04-13" },
        ],
      },
      { ...base, pauses: [{ from: "2026-04-07" }, { from: "2026-04-20" }] },
    ];
    for (const spec of refused)
      expect(() => az.computeDeadline(spec), JSON.stringify(spec)).toThrow(InvalidDeadlineError);
    expect(() => az.computeDeadline({ ...base, start: "2026-04-31" })).toThrow(/Not a legal date/);
    expect(() => az.computeDeadline({ ...base, start: "2027-12-20" })).toThrow(/az-2028\.json/);
  });
});

describe("legal time used", () => {
  const spec: DeadlineSpec = { start: "2026-04-01", amount: 20, unit: "working" };

  it("reaches 0.75 on the fifteenth working day of twenty, 1 on the due date, more when overdue", () => {
    expect(az.legalTimeUsed(spec, "2026-03-01")).toBe(0);
    expect(az.legalTimeUsed(spec, "2026-04-01")).toBe(0);
    expect(az.legalTimeUsed(spec, "2026-04-21")).toBe(0.7);
    expect(az.legalTimeUsed(spec, "2026-04-22")).toBe(0.75);
    // A weekend adds nothing to working time.
    expect(az.legalTimeUsed(spec, "2026-04-26")).toBe(0.85);
    expect(az.legalTimeUsed(spec, "2026-04-29")).toBe(1);
    const late = az.deadlineProgress(spec, "2026-04-30");
    expect(late).toMatchObject({ used: 21, total: 20, fraction: 1.05, overdue: true });
  });

  it("reads now as a legal date in Baku", () => {
    expect(az.legalTimeUsed(spec, new Date("2026-04-21T19:59:00Z"))).toBe(0.7);
    expect(az.legalTimeUsed(spec, new Date("2026-04-21T20:30:00Z"))).toBe(0.75);
  });

  it("freezes while the clock is stopped", () => {
    const stopped = { ...spec, pauses: [{ from: "2026-04-22", to: null }] };
    expect(az.deadlineProgress(stopped, "2026-05-20")).toMatchObject({
      used: 15,
      total: 20,
      fraction: 0.75,
      overdue: false,
      deadline: { status: "stopped", remaining: 5 },
    });
    // Answered on 20 May: five days left, after Gurban (27-28 May) and its carried day (29 May).
    const resumed = { ...spec, pauses: [{ from: "2026-04-22", to: "2026-05-20" }] };
    expect(az.deadlineProgress(resumed, "2026-05-21")).toMatchObject({
      used: 16,
      fraction: 0.8,
      deadline: { status: "counting", due: "2026-06-01" },
    });
  });

  it("measures a moved calendar-day deadline against the days up to its due date", () => {
    const calendarDays: DeadlineSpec = { start: "2026-03-10", amount: 10, unit: "calendar" };
    expect(az.deadlineProgress(calendarDays, "2026-03-20")).toMatchObject({ used: 10, total: 21 });
    expect(az.legalTimeUsed(calendarDays, "2026-03-31")).toBe(1);
  });
});
