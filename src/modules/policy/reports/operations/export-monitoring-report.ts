import type { I18n, Locale } from "../../../../platform/http/index.js";
import { actorOf, authorize, recordAudit } from "../../../access/index.js";
import { assembleMonitoringReport, type MonitoringReportContext } from "../assemble-monitoring-report.js";
import { publicVersion } from "../monitoring-report.js";
import {
  type RenderedReport,
  type ReportFormat,
  renderMonitoringReport,
} from "../render-monitoring-report.js";

export interface ReportRequest {
  documentId: string;
  /** Reporting period, "2026-Q3". */
  period: string;
  locale: Locale;
  format: ReportFormat;
  /** The full report, or the version the public would get if it were published now. */
  edition: "full" | "public";
}

/**
 * A policy officer downloads a document's monitoring report for a period as PDF or DOCX. Only the
 * ministry's policy officers may (`policy.manage`): the full report holds the agencies' working
 * texts. Every download is in the audit trail.
 */
export async function exportMonitoringReport(
  context: MonitoringReportContext & { i18n: I18n },
  request: ReportRequest,
): Promise<RenderedReport> {
  const record = { entityType: "policy_document", entityId: request.documentId };
  await authorize(context, "policy.manage", record);
  const t = context.i18n.t(request.locale);
  const full = await assembleMonitoringReport(context, request.documentId, request.period, {
    locale: request.locale,
    t,
  });
  const report = request.edition === "public" ? publicVersion(full) : full;
  const rendered = await renderMonitoringReport(report, request.format, request.locale, t);
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "policy.monitoring_report.exported",
    outcome: "success",
    ...record,
    agencyId: context.principal?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details: {
      period: request.period,
      format: request.format,
      locale: request.locale,
      edition: request.edition,
    },
  });
  return rendered;
}
