import { type LegalCalendar, LegalCalendarError } from "../../../platform/calendar/index.js";
import type { CaseTypeDefinition, LegalTime } from "../definition/case-type.js";
import type { CaseTypeRegistry } from "../definition/registry.js";

/** The share of the legal time after which a case counts as at risk, and its officer is warned. */
export const warningThreshold = 0.75;

/** The legal time a case runs on: its paid express tier's, or the case type's. */
export function legalTimeOf(
  definition: CaseTypeDefinition,
  expressTier: string | null,
): LegalTime | undefined {
  const tier = expressTier ? definition.fee.expressTiers.find((one) => one.code === expressTier) : undefined;
  return tier?.legalTime ?? definition.legalTime;
}

export interface DeadlineFacts {
  category: string;
  expressTier: string | null;
  legalStartDate: string | null;
  deadlineDate: string | null;
  pausedSince: string | null;
  pauses: Array<{ from: string; to: string | null }>;
}

export type DeadlineView =
  /** Decided, closed, never submitted, or a case type without a legal time. */
  | { status: "none" }
  /** The clock is stopped (waiting for the applicant): the end is not known yet. */
  | { status: "paused"; since: string; used: number; total: number; unit: LegalTime["unit"] }
  | {
      status: "counting" | "at-risk" | "overdue";
      due: string;
      used: number;
      total: number;
      percent: number;
      unit: LegalTime["unit"];
    }
  /** The legal calendar has no data for a year the count needs. */
  | { status: "unknown"; due: string | null }
  /** A due date a step set (a return order's departure deadline) on a case type without a legal time. */
  | { status: "step-due"; due: string; overdue: boolean };

/**
 * Where a case stands against its legal time today, counted on the legal calendar
 * (`deadlineProgress`): working or calendar days used, pauses excluded.
 */
export function deadlineView(
  calendar: LegalCalendar,
  definition: CaseTypeDefinition,
  facts: DeadlineFacts,
  now: Date,
): DeadlineView {
  const legalTime = legalTimeOf(definition, facts.expressTier);
  const active = facts.category === "open" || facts.category === "waiting";
  if (active && !legalTime && facts.deadlineDate) {
    return {
      status: "step-due",
      due: facts.deadlineDate,
      overdue: facts.deadlineDate < calendar.legalDate(now),
    };
  }
  if (!active || !legalTime || !facts.legalStartDate) return { status: "none" };
  try {
    const progress = calendar.deadlineProgress(
      {
        start: facts.legalStartDate,
        amount: legalTime.amount,
        unit: legalTime.unit,
        pauses: facts.pauses,
      },
      now,
    );
    if (progress.deadline.status === "stopped") {
      return {
        status: "paused",
        since: facts.pausedSince ?? progress.deadline.stoppedSince,
        used: progress.used,
        total: progress.total,
        unit: legalTime.unit,
      };
    }
    const status = progress.overdue
      ? "overdue"
      : progress.fraction >= warningThreshold
        ? "at-risk"
        : "counting";
    return {
      status,
      due: progress.deadline.due,
      used: progress.used,
      total: progress.total,
      percent: Math.floor(progress.fraction * 100),
      unit: legalTime.unit,
    };
  } catch (error) {
    if (error instanceof LegalCalendarError) return { status: "unknown", due: facts.deadlineDate };
    throw error;
  }
}

/** Every version of every case type the registry knows (running cases may be on an older one). */
export function allVersions(registry: CaseTypeRegistry): CaseTypeDefinition[] {
  const definitions: CaseTypeDefinition[] = [];
  for (const latest of registry.current()) {
    for (let version = 1; version <= latest.version; version++) {
      try {
        definitions.push(registry.get(latest.code, version));
      } catch {
        // A version that was never declared (numbering may skip): nothing runs on it.
      }
    }
  }
  return definitions;
}

export interface RiskCutoff {
  typeCode: string;
  typeVersion: number;
  expressTier: string | null;
  /** A running case of this kind whose deadline is on or before this day has used 75 % or more. */
  cutoff: string;
}

/**
 * For each legal time in use, the last deadline that means "75 % or more used" today, so that
 * queues can filter at-risk cases in SQL on the deadline index. With the start as day 0 and
 * pauses behind it, a case's remaining days are those from tomorrow to its deadline: it has used
 * 75 % when at most a quarter of the legal time remains. Exact for working days (a working-day
 * deadline always falls on a working day); for calendar days a deadline moved off a holiday
 * counts its extra days late, by one day at most. Pages show the exact figure per case.
 */
export function riskCutoffs(
  registry: CaseTypeRegistry,
  calendar: LegalCalendar,
  today: string,
): RiskCutoff[] {
  const cutoffs: RiskCutoff[] = [];
  for (const definition of allVersions(registry)) {
    const tiers = [null, ...definition.fee.expressTiers.map((tier) => tier.code)];
    for (const expressTier of tiers) {
      const legalTime = legalTimeOf(definition, expressTier);
      if (!legalTime) continue;
      const remaining = Math.floor(legalTime.amount * (1 - warningThreshold));
      let cutoff: string;
      try {
        cutoff =
          legalTime.unit === "working"
            ? calendar.addWorkingDays(today, remaining)
            : calendar.addCalendarDays(today, remaining);
      } catch (error) {
        if (!(error instanceof LegalCalendarError)) throw error;
        cutoff = calendar.addCalendarDays(today, remaining);
      }
      cutoffs.push({ typeCode: definition.code, typeVersion: definition.version, expressTier, cutoff });
    }
  }
  return cutoffs;
}
