import { legalDateAt } from "../../../platform/calendar/index.js";
import type { Clock } from "../../../platform/clock/index.js";
import { countryProfile } from "../../../platform/country/index.js";
import type { Database } from "../../../platform/db/index.js";
import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import type { Locale, Translator } from "../../../platform/http/index.js";
import { findAgenciesByIds, type Principal } from "../../access/index.js";
import { readIndicatorForReport } from "../indicators/operations/indicator-for-report.js";
import { isReportingPeriod } from "../strategies/action-standing.js";
import { type MonitoredAction, policyDocumentForMonitoring } from "../strategies/monitoring-reads.js";
import type {
  DocumentStatus,
  MonitoringReport,
  ReportAction,
  ReportIndicator,
  ReportPeriod,
} from "./monitoring-report.js";

/** Who asks for the report and with what: the same context the indicators' reads take. */
export interface MonitoringReportContext {
  db: Database;
  clock: Clock;
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
}

/** A reporting period "2026-Q3" as its first and last days; refused (422) when it is not one. */
export function reportingPeriod(code: string): ReportPeriod {
  if (!isReportingPeriod(code))
    throw new DomainError("policy_report_bad_period", 422, "policyReports.errors.period");
  const year = Number(code.slice(0, 4));
  const quarter = Number(code.slice(6));
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const month = (value: number) => String(value).padStart(2, "0");
  return {
    code,
    from: `${year}-${month(firstMonth)}-01`,
    to: `${year}-${month(firstMonth + 2)}-${lastDay}`,
  };
}

/** Months an indicator's chart looks back from the end of the period: enough for a trend before a change. */
const monthsShown = 36;

function monthsBefore(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Values shown with one decimal unless every value and reference is whole. */
function decimalsOf(values: Array<number | null | undefined>): number {
  return values.every((value) => value === null || value === undefined || Number.isInteger(value)) ? 0 : 1;
}

async function indicatorsOf(
  context: MonitoringReportContext,
  codes: string[],
  period: ReportPeriod,
  language: { locale: Locale; t: Translator },
): Promise<ReportIndicator[]> {
  const to = period.to.slice(0, 7);
  const from = monthsBefore(to, monthsShown - 1);
  const t = (key: string, values?: Record<string, unknown>) => language.t(key, values);
  const readings = await Promise.all(
    codes.map((code) =>
      readIndicatorForReport(context, code, { from, to, locale: language.locale, t }).catch(
        (error: unknown) => {
          // An objective may name an indicator not defined yet: the report shows the others.
          if (error instanceof NotFoundError) return null;
          throw error;
        },
      ),
    ),
  );
  return readings.flatMap((reading): ReportIndicator[] => {
    if (!reading) return [];
    const { indicator } = reading;
    const lastChange = reading.changes.length - 1;
    const change = reading.changes[lastChange];
    const estimate = change?.result.status === "estimated" ? change.result : undefined;
    const shown: ReportIndicator = {
      code: indicator.code,
      title: indicator.names[language.locale],
      unit: indicator.unit[language.locale],
      decimals: decimalsOf([
        ...reading.points.map((point) => point.value),
        indicator.baseline?.value,
        indicator.target?.value,
      ]),
      higherIsBetter: indicator.target?.direction !== "down",
      baseline: indicator.baseline
        ? { value: indicator.baseline.value, period: indicator.baseline.period }
        : null,
      target: indicator.target ? { value: indicator.target.value, period: indicator.target.period } : null,
      series: reading.points.map((point, index) => ({
        period: point.period,
        actual: point.value,
        trajectory: reading.trajectory[index]?.value ?? null,
      })),
      interruptedTimeSeries:
        change && estimate
          ? {
              interruptionDate: change.date,
              levelChange: estimate.levelChange.value,
              levelChangeInterval: [estimate.levelChange.lower, estimate.levelChange.upper],
              slopeChange: estimate.slopeChange.value,
              slopeChangeInterval: [estimate.slopeChange.lower, estimate.slopeChange.upper],
              inWords: reading.changesInWords[lastChange],
            }
          : undefined,
      chart: "line",
      chartSpec: reading.chart.spec,
      // Indicators are published figures: nothing in them is kept from the public.
      internal: false,
    };
    return [shown];
  });
}

function reportAction(
  action: MonitoredAction,
  period: ReportPeriod,
  agencyName: (id: string) => string,
): ReportAction {
  const text = action.latestReportPerPeriod.find((report) => report.period === period.code);
  return {
    code: action.code,
    title: action.title,
    agency: agencyName(action.responsibleAgencyId),
    dueDate: action.dueOn,
    status: action.status,
    percentDone: action.percentDone,
    late: action.late,
    done: action.done,
    internal: action.internal,
    agencyText: text
      ? {
          agency: agencyName(text.agencyId),
          text: text.text,
          submittedAt: text.writtenAt.toISOString(),
          // An agency's status report is a working text between the agency and the ministry, not
          // written for publication: the public version leaves it out.
          internal: true,
        }
      : null,
  };
}

const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The full monitoring report of a policy document for a reporting period, in one language: the
 * plan as it stood at the end of the period (or today, while the period runs), the agencies' texts
 * for the period, and each objective's indicators over the three years up to the period's end.
 * Reading rights are those of the plan and of the indicators; the caller checks who may have it.
 */
export async function assembleMonitoringReport(
  context: MonitoringReportContext,
  documentId: string,
  periodCode: string,
  language: { locale: Locale; t: Translator },
): Promise<MonitoringReport> {
  const period = reportingPeriod(periodCode);
  const today = legalDateAt(context.clock.now(), countryProfile().timeZone);
  // The earlier of the two legal dates (they sort as text): while the period runs, the plan of today.
  const asOf = [period.to, today].sort()[0] as string;
  const document = await policyDocumentForMonitoring(context.db, documentId, asOf);
  const actions = document.objectives.flatMap((objective) =>
    objective.measures.flatMap((measure) => measure.actions),
  );
  const agencyIds = new Set(
    actions.flatMap((action) => [
      action.responsibleAgencyId,
      ...action.latestReportPerPeriod.map((report) => report.agencyId),
    ]),
  );
  const agencies = new Map(
    (await findAgenciesByIds(context.db, [...agencyIds])).map((agency) => [agency.id, agency]),
  );
  const agencyName = (id: string) => agencies.get(id)?.names[language.locale] ?? "—";
  const objectives = await Promise.all(
    document.objectives.map(async (objective) => {
      const objectiveActions = objective.measures.flatMap((measure) => measure.actions);
      const progress = mean(objectiveActions.map((action) => action.percentDone));
      return {
        code: objective.code,
        title: objective.title,
        progressPercent: progress === null ? null : Math.round(progress),
        internal: objective.internal,
        measures: objective.measures.map((measure) => ({
          code: measure.code,
          title: measure.title,
          internal: measure.internal,
          actions: measure.actions.map((action) => reportAction(action, period, agencyName)),
        })),
        indicators: await indicatorsOf(context, objective.indicatorCodes, period, language),
      };
    }),
  );
  return {
    strategy: {
      title: document.title,
      status: document.status as DocumentStatus,
      version: document.version,
      owner: document.adoptingBody ?? undefined,
    },
    period,
    generatedAt: context.clock.now().toISOString(),
    audience: "internal",
    objectives,
  };
}
