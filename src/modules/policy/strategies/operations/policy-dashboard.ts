import { actionStanding, daysBetween, dueSoonDays } from "../action-standing.js";
import type { PolicyAction } from "../records.js";
import { type DocumentProgress, openActionsDueBy, progressPerDocument } from "../repository.js";
import { authorizeRead } from "../strategies-access.js";
import { legalToday, type PolicyStrategiesContext } from "../strategies-module.js";

export interface DashboardAction extends PolicyAction {
  documentTitle: string;
  /** Days past the due date (overdue) or left until it (due soon). */
  days: number;
}

export interface PolicyDashboard {
  today: string;
  overdue: DashboardAction[];
  dueSoon: DashboardAction[];
  progress: DocumentProgress[];
  /** The agency the figures are limited to: a focal point sees its own agency's actions. */
  agencyId: string | null;
}

/**
 * The ministry's dashboard: actions overdue (due date passed in the country's calendar, not done)
 * first, then those due within 30 days, and the progress of each adopted or in-force document. A
 * focal point without the ministry's permission sees the same for its own agency.
 */
export async function policyDashboard(context: PolicyStrategiesContext): Promise<PolicyDashboard> {
  await authorizeRead(context);
  const today = legalToday(context);
  const ministry = context.principal?.permissions.has("policy.manage") ?? false;
  const agencyId = ministry ? null : (context.principal?.agencyId ?? null);
  const horizon = context.calendar.addCalendarDays(today, dueSoonDays);
  // A focal point with no agency sees nothing rather than everything.
  const scope = agencyId ?? (ministry ? undefined : "00000000-0000-0000-0000-000000000000");
  const [open, progress] = await Promise.all([
    openActionsDueBy(context.db, horizon, scope),
    progressPerDocument(context.db, today, scope),
  ]);
  const withDays = open.map((action) => ({ ...action, days: Math.abs(daysBetween(today, action.dueOn)) }));
  return {
    today,
    overdue: withDays.filter((action) => actionStanding(action, today) === "overdue"),
    dueSoon: withDays.filter((action) => actionStanding(action, today) === "due_soon"),
    progress,
    agencyId,
  };
}
