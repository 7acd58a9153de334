import type { ChartSpec } from "../../statistics/index.js";

/**
 * A strategy's monitoring report for one period, as plain data: what the PDF and the DOCX show.
 * Texts (titles, agencies' reports) come as their authors wrote them; labels, dates and numbers are
 * put into the reader's language only when the report is rendered. Anything that may be kept from
 * the public carries `internal`, and `publicVersion` leaves it out.
 */
export interface MonitoringReport {
  strategy: ReportStrategy;
  period: ReportPeriod;
  /** When the report was put together (an instant, ISO 8601). */
  generatedAt: string;
  /** Whether this is the full report or the version with internal items left out. */
  audience: ReportAudience;
  objectives: ReportObjective[];
}

export type ReportAudience = "internal" | "public";

export interface ReportStrategy {
  title: string;
  /** The document's own reference, e.g. "SMS-2026/1", if it has one. */
  reference?: string | undefined;
  status: DocumentStatus;
  version: number;
  /** The body that adopted or owns the document. */
  owner?: string | undefined;
}

export const documentStatuses = ["draft", "consultation", "adopted", "in_force", "ended"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** The reporting period: its code ("2026-Q3") and its first and last days (legal dates). */
export interface ReportPeriod {
  code: string;
  from: string;
  to: string;
}

export interface ReportObjective {
  code: string;
  title: string;
  /** Share of the objective reached, 0–100, or null when nothing measures it yet. */
  progressPercent: number | null;
  internal: boolean;
  measures: ReportMeasure[];
  indicators: ReportIndicator[];
}

export interface ReportMeasure {
  code: string;
  title: string;
  internal: boolean;
  actions: ReportAction[];
}

export const actionStatuses = ["planned", "in_progress", "done"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export interface ReportAction {
  code: string;
  title: string;
  /** The agency responsible for the action. */
  agency: string;
  /** Legal date the action is due, or null if the plan sets none. */
  dueDate: string | null;
  status: ActionStatus;
  percentDone: number | null;
  /** Past its due date at the end of the period and not done. */
  late: boolean;
  done: boolean;
  internal: boolean;
  /** What the responsible agency reported on the action for this period, if it did. */
  agencyText: ReportAgencyText | null;
}

export interface ReportAgencyText {
  agency: string;
  text: string;
  /** When the agency submitted it (an instant), or null if it is still a draft. */
  submittedAt: string | null;
  internal: boolean;
}

/**
 * A period as indicators name theirs: a year "2026", a quarter "2026-Q1", a month "2026-01", or a
 * day "2026-01-31".
 */
export type IndicatorPeriod = string;

/** A value of a period: a baseline or a target. */
export interface ReportReferenceValue {
  value: number;
  period: IndicatorPeriod;
}

export interface ReportSeriesPoint {
  period: IndicatorPeriod;
  /** Measured value, or null where there is none (not yet available, suppressed). */
  actual: number | null;
  /** Where the planned trajectory from baseline to target stands at this date, if one is drawn. */
  trajectory: number | null;
}

/**
 * An interrupted time series result: the change in level and in slope the series shows after an
 * intervention (the policy measure taking effect), with their 95 % intervals if they were estimated.
 */
export interface InterruptedTimeSeriesResult {
  /** Legal date of the interruption. */
  interruptionDate: string;
  levelChange: number;
  levelChangeInterval?: [number, number] | undefined;
  /** Change of the trend per point of the series. */
  slopeChange: number;
  slopeChangeInterval?: [number, number] | undefined;
  /**
   * The estimate in sentences, when the indicators' own presentation wrote them in the report's
   * language (with the caveats it adds); otherwise the report says it from the figures above.
   */
  inWords?: string[] | undefined;
}

export interface ReportIndicator {
  code: string;
  title: string;
  /** The unit the values are in, as written for readers ("persons", "%", "days"). */
  unit: string;
  /** How many decimals values are shown with. */
  decimals: number;
  /** Higher is better (true) or lower is better (false), for reading the change. */
  higherIsBetter: boolean;
  baseline: ReportReferenceValue | null;
  target: ReportReferenceValue | null;
  series: ReportSeriesPoint[];
  interruptedTimeSeries?: InterruptedTimeSeriesResult | undefined;
  /** How the series is drawn; every chart comes with its data table. */
  chart: "line" | "bar";
  /**
   * A chart the indicators' presentation prepared in the report's language (e.g. with the trend
   * the series would have followed without a policy change); drawn instead of the plain series.
   */
  chartSpec?: ChartSpec | undefined;
  internal: boolean;
}

/**
 * The report as the public may read it: internal objectives, measures, actions, agencies' texts and
 * indicators are left out, and the summary figures are counted again from what is left.
 */
export function publicVersion(report: MonitoringReport): MonitoringReport {
  return {
    ...report,
    audience: "public",
    objectives: report.objectives
      .filter((objective) => !objective.internal)
      .map((objective) => ({
        ...objective,
        measures: objective.measures
          .filter((measure) => !measure.internal)
          .map((measure) => ({
            ...measure,
            actions: measure.actions
              .filter((action) => !action.internal)
              .map((action) => ({
                ...action,
                agencyText: action.agencyText?.internal ? null : action.agencyText,
              })),
          })),
        indicators: objective.indicators.filter((indicator) => !indicator.internal),
      })),
  };
}

export interface ReportSummary {
  objectives: number;
  actions: number;
  done: number;
  late: number;
  /** Mean of the objectives' progress, over those that have one; null if none has. */
  averageProgress: number | null;
}

/** The figures at the top of the report, counted from what the report holds. */
export function reportSummary(report: MonitoringReport): ReportSummary {
  const actions = report.objectives.flatMap((objective) =>
    objective.measures.flatMap((measure) => measure.actions),
  );
  const progress = report.objectives
    .map((objective) => objective.progressPercent)
    .filter((value): value is number => value !== null);
  return {
    objectives: report.objectives.length,
    actions: actions.length,
    done: actions.filter((action) => action.done).length,
    late: actions.filter((action) => action.late).length,
    averageProgress:
      progress.length === 0 ? null : progress.reduce((sum, value) => sum + value, 0) / progress.length,
  };
}
