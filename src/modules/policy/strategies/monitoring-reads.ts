import type { Queryable } from "../../../platform/db/index.js";
import { actionStanding } from "./action-standing.js";
import { documentTree } from "./operations/read-plan.js";
import type { ActionStatus, DocumentKind, DocumentStatus, StatusReport } from "./records.js";
import { indicatorCodesOf, listReports } from "./repository.js";

/**
 * Plain reads for the monitoring report: no permission check here (the report's own operation
 * checks who asks) and no personal data (reports carry the agency, not who wrote them).
 */

export interface MonitoredReport {
  period: string;
  text: string;
  percentDone: number;
  agencyId: string;
  writtenAt: Date;
  evidenceCount: number;
}

export interface MonitoredAction {
  id: string;
  code: string;
  title: string;
  responsibleAgencyId: string;
  partnerAgencyIds: string[];
  startOn: string;
  dueOn: string;
  budgetMinor: number | null;
  budgetCurrency: string | null;
  status: ActionStatus;
  percentDone: number;
  /** Due date passed on `asOf` and not done. */
  late: boolean;
  done: boolean;
  /** The latest report of each period ("2026-Q1"), oldest period first. */
  latestReportPerPeriod: MonitoredReport[];
  /** Left out of the public monitoring report. */
  internal: boolean;
}

export interface MonitoredDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  status: DocumentStatus;
  version: number;
  adoptingBody: string | null;
  adoptedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  citedActs: string[];
  objectives: Array<{
    id: string;
    code: string;
    title: string;
    indicatorCodes: string[];
    /** Left out of the public monitoring report, with all under it; so are `internal` measures. */
    internal: boolean;
    measures: Array<{
      id: string;
      code: string;
      title: string;
      internal: boolean;
      actions: MonitoredAction[];
    }>;
  }>;
}

function plainReport(report: StatusReport): MonitoredReport {
  return {
    period: report.period,
    text: report.text,
    percentDone: report.percentDone,
    agencyId: report.agencyId,
    writtenAt: report.writtenAt,
    evidenceCount: report.evidence.length,
  };
}

/** The latest report of each period: reports come newest first, so the first seen of a period wins. */
function latestPerPeriod(reports: StatusReport[]): MonitoredReport[] {
  const latest = new Map<string, MonitoredReport>();
  for (const report of reports)
    if (!latest.has(report.period)) latest.set(report.period, plainReport(report));
  return [...latest.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * A document with its objectives, measures and actions as they stand on `asOf` (a legal date: the
 * end of the reported period): each action's status, percent done, whether it is late or done, and
 * the latest status report of each period.
 */
export async function policyDocumentForMonitoring(
  db: Queryable,
  documentId: string,
  asOf: string,
): Promise<MonitoredDocument> {
  const { document, objectives } = await documentTree(db, documentId);
  const actions = objectives.flatMap((objective) => objective.measures.flatMap((measure) => measure.actions));
  const reports = await listReports(
    db,
    actions.map((action) => action.id),
  );
  return {
    id: document.id,
    kind: document.kind,
    title: document.title,
    status: document.status,
    version: document.version,
    adoptingBody: document.adoptingBody,
    adoptedOn: document.adoptedOn,
    periodStart: document.periodStart,
    periodEnd: document.periodEnd,
    citedActs: document.citedActs,
    objectives: objectives.map((objective) => ({
      id: objective.id,
      code: objective.code,
      title: objective.title,
      indicatorCodes: objective.indicatorCodes,
      internal: objective.internal,
      measures: objective.measures.map((measure) => ({
        id: measure.id,
        code: measure.code,
        title: measure.title,
        internal: measure.internal,
        actions: measure.actions.map((action) => ({
          id: action.id,
          code: action.code,
          title: action.title,
          responsibleAgencyId: action.responsibleAgencyId,
          partnerAgencyIds: action.partnerAgencyIds,
          startOn: action.startOn,
          dueOn: action.dueOn,
          budgetMinor: action.budgetMinor,
          budgetCurrency: action.budgetCurrency,
          status: action.status,
          percentDone: action.percentDone,
          late: actionStanding(action, asOf) === "overdue",
          done: action.status === "done",
          latestReportPerPeriod: latestPerPeriod(reports.filter((report) => report.actionId === action.id)),
          internal: action.internal,
        })),
      })),
    })),
  };
}

/**
 * What the responsible agencies wrote about a document's actions for a period ("2026-Q1"): the
 * latest report of each action for that period, by action code.
 */
export async function agencyTextsForPeriod(
  db: Queryable,
  documentId: string,
  period: string,
): Promise<Array<{ actionId: string; actionCode: string } & MonitoredReport>> {
  const { objectives } = await documentTree(db, documentId);
  const actions = objectives.flatMap((objective) => objective.measures.flatMap((measure) => measure.actions));
  const reports = await listReports(
    db,
    actions.map((action) => action.id),
  );
  return actions.flatMap((action) => {
    const latest = reports.find((report) => report.actionId === action.id && report.period === period);
    return latest ? [{ actionId: action.id, actionCode: action.code, ...plainReport(latest) }] : [];
  });
}

/** The codes of the indicators that measure each objective of a document, by objective id. */
export async function indicatorCodesByObjective(
  db: Queryable,
  documentId: string,
): Promise<Map<string, string[]>> {
  const { objectives } = await documentTree(db, documentId);
  return indicatorCodesOf(
    db,
    objectives.map((objective) => objective.id),
  );
}
