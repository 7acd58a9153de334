import type { PolicyAction } from "./records.js";

/** Actions due within this many calendar days are listed as "due soon" on the dashboard. */
export const dueSoonDays = 30;

export type ActionStanding = "done" | "overdue" | "due_soon" | "on_track";

/** Days from one legal date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where an action stands on `today`, a legal date in the country's calendar (never the server's
 * UTC date: at 01:00 in Baku the day before has ended there, though not yet in UTC). An action is
 * overdue once its due date has passed and it is not done.
 */
export function actionStanding(
  action: Pick<PolicyAction, "status" | "dueOn">,
  today: string,
): ActionStanding {
  if (action.status === "done") return "done";
  if (action.dueOn < today) return "overdue";
  if (daysBetween(today, action.dueOn) <= dueSoonDays) return "due_soon";
  return "on_track";
}

const periodPattern = /^(\d{4})-Q([1-4])$/;

/** A reporting period is a calendar quarter, written "2026-Q1". */
export function isReportingPeriod(value: string): boolean {
  return periodPattern.test(value);
}

/** The quarter a legal date falls in. */
export function periodOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** A quarter as a running number (year × 4 + quarter − 1), so that quarters can be counted. */
function quarterIndex(date: string): number {
  return Number(date.slice(0, 4)) * 4 + Math.ceil(Number(date.slice(5, 7)) / 3) - 1;
}

/** The quarters from the one holding `from` to the one holding `to`, oldest first. */
export function periodsBetween(from: string, to: string): string[] {
  const periods: string[] = [];
  for (let index = quarterIndex(from); index <= quarterIndex(to); index++) {
    periods.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return periods;
}
