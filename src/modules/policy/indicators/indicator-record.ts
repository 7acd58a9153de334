import type { IndicatorDefinition, SeriesRef } from "../../statistics/index.js";

export type LocalisedText = { az: string; en: string; ru: string };
export type IndicatorKind = "computed" | "entered";

/** A stored indicator as the pages and the monitoring report read it. */
export interface PolicyIndicator {
  id: string;
  code: string;
  names: LocalisedText;
  kind: IndicatorKind;
  numerator: SeriesRef | null;
  denominator: SeriesRef | null;
  factor: number;
  unit: LocalisedText;
  baseline: { period: string; value: number } | null;
  target: { period: string; value: number; direction: "up" | "down" } | null;
  responsibleAgencyId: string;
  /** YYYY-MM-DD, oldest first. */
  policyChanges: string[];
  demo: boolean;
  updatedAt: Date;
}

/** What a policy officer defines (the form's result, or the demo data's). */
export type IndicatorInput = Omit<PolicyIndicator, "id" | "demo" | "updatedAt">;

export interface EnteredValue {
  period: string;
  value: number;
  source: string;
  enteredAt: Date;
}

/**
 * The statistics module's definition of the same indicator, whose evaluation and progress rules
 * the policy module reuses. Entered indicators have no series: they get a placeholder numerator
 * that is never resolved.
 */
export function asStatisticsDefinition(indicator: PolicyIndicator): IndicatorDefinition {
  return {
    code: indicator.code,
    name: indicator.names,
    numerator: indicator.numerator ?? { series: "entered" },
    ...(indicator.denominator ? { denominator: indicator.denominator } : {}),
    factor: indicator.factor,
    unit: indicator.unit,
    ...(indicator.baseline ? { baseline: indicator.baseline } : {}),
    ...(indicator.target ? { target: indicator.target } : {}),
  };
}

/** The first month a policy change is in force: its own month if it starts on the 1st, else the next. */
export function firstMonthInForce(changeDate: string): { month: string; transition: string | null } {
  const year = Number(changeDate.slice(0, 4));
  const month = Number(changeDate.slice(5, 7));
  const own = changeDate.slice(0, 7);
  if (changeDate.slice(8, 10) === "01") return { month: own, transition: null };
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  // The month the change took effect part-way through is neither before nor after: left out.
  return { month: next, transition: own };
}
