import type { CaseEvent, CaseTypeDefinition } from "../cases/index.js";
import { type AsylumLaw, type AsylumStepName, asylumStepNames, type StepLimit } from "./asylum-law.js";

/** What the limits need from the legal calendar: working days (public holidays and transfers). */
export interface WorkingDays {
  addWorkingDays(date: string, n: number): string;
}

/** A step of a case against its time limit. */
export interface StepTiming {
  step: AsylumStepName;
  /** The day the step's clock started: the case first entered the step's `from` state. */
  start: string;
  /** The last day the law (or the configuration) gives. */
  due: string;
  /** The day the case first entered the step's `until` state, or null. */
  ended: string | null;
  /**
   * `met` or `late` once ended; `running` or `overdue` (today is past `due`) while not;
   * `stopped` when the case closed (a withdrawal) before the step ended.
   */
  status: "met" | "late" | "running" | "overdue" | "stopped";
}

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function addCalendarDays(date: string, days: number): string {
  const day = utcDay(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The last day of `months` months from `start`: the day before the same date `months` later, or,
 * where that month is shorter, the day before its last day (the shorter reading: a step shown late
 * a day early rather than a day too late).
 */
function lastDayOfMonths(start: string, months: number): string {
  const [year = 0, month = 1, day = 1] = start.split("-").map(Number);
  const targetIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetIndex / 12);
  const targetMonth = (targetIndex % 12) + 1;
  const daysInTarget = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const same = `${String(targetYear).padStart(4, "0")}-${String(targetMonth).padStart(2, "0")}-${String(Math.min(day, daysInTarget)).padStart(2, "0")}`;
  return addCalendarDays(same, -1);
}

/** The last day of a limit counted from `start` (the day the step began counts as day 0). */
export function dueDate(
  start: string,
  limit: Pick<StepLimit, "amount" | "unit">,
  calendar: WorkingDays,
): string {
  if (limit.unit === "months") return lastDayOfMonths(start, limit.amount);
  if (limit.unit === "working") return calendar.addWorkingDays(start, limit.amount);
  return addCalendarDays(start, limit.amount);
}

/** The states a case entered, in order, each with the legal date it entered it (submission first). */
export function statesEntered(
  events: CaseEvent[],
  definition: Pick<CaseTypeDefinition, "states">,
  legalDate: (at: Date) => string,
): Array<{ state: string; on: string; closes: boolean }> {
  const entered: Array<{ state: string; on: string; closes: boolean }> = [];
  for (const event of events) {
    if (event.type === "case.submitted") {
      entered.push({ state: event.payload.state, on: event.payload.legalStartDate, closes: false });
    } else if (event.type === "case.transitioned") {
      const closes = definition.states[event.payload.to]?.category === "closed";
      entered.push({ state: event.payload.to, on: legalDate(event.at), closes });
    }
  }
  return entered;
}

/**
 * Each step of an asylum case against the limit the law file gives it: the first-instance decision
 * by the ordinary or, for an application in the accelerated procedure, the shorter limit. A step
 * whose clock has not started yet is not listed.
 */
export function asylumStepTimings(input: {
  entered: Array<{ state: string; on: string; closes: boolean }>;
  accelerated: boolean;
  law: AsylumLaw;
  calendar: WorkingDays;
  today: string;
}): StepTiming[] {
  const { entered, law, calendar, today } = input;
  const skipped: AsylumStepName = input.accelerated ? "firstInstanceDecision" : "acceleratedDecision";
  const timings: StepTiming[] = [];
  for (const step of asylumStepNames) {
    if (step === skipped) continue;
    const limit = law.steps[step];
    const startIndex = entered.findIndex((one) => one.state === limit.from);
    const begun = entered[startIndex];
    if (!begun) continue;
    const after = entered.slice(startIndex + 1);
    const end = after.find((one) => one.state === limit.until);
    const closed = after.find((one) => one.closes);
    const due = dueDate(begun.on, limit, calendar);
    let status: StepTiming["status"];
    if (end) status = end.on <= due ? "met" : "late";
    else if (closed) status = "stopped";
    else status = today > due ? "overdue" : "running";
    timings.push({ step, start: begun.on, due, ended: end?.on ?? null, status });
  }
  return timings;
}

/** The steps of one asylum case against their limits, from its events and answers (the accelerated procedure). */
export function stepTimingsOfCase(input: {
  events: CaseEvent[];
  answers: Record<string, unknown>;
  definition: Pick<CaseTypeDefinition, "states">;
  law: AsylumLaw;
  calendar: WorkingDays & { legalDate(at: Date): string };
  today: string;
}): StepTiming[] {
  const { calendar } = input;
  return asylumStepTimings({
    entered: statesEntered(input.events, input.definition, (at) => calendar.legalDate(at)),
    accelerated: input.answers.accelerated === "yes",
    law: input.law,
    calendar,
    today: input.today,
  });
}
