import type { Locale, Translator } from "../../../platform/http/index.js";
import type { MonitoringReport } from "./monitoring-report.js";
import { renderMonitoringReportDocx } from "./render-monitoring-report-docx.js";
import { renderMonitoringReportPdf } from "./render-monitoring-report-pdf.js";
import { reportLanguage } from "./report-language.js";
import { reportOutline } from "./report-outline.js";

export const reportFormats = ["pdf", "docx"] as const;
export type ReportFormat = (typeof reportFormats)[number];

const contentTypes: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** A monitoring report written in one language as a PDF or a Word document, with a file name to save it as. */
export async function renderMonitoringReport(
  report: MonitoringReport,
  format: ReportFormat,
  locale: Locale,
  t: Translator,
): Promise<RenderedReport> {
  const outline = reportOutline(report, reportLanguage(locale, t));
  const body =
    format === "pdf" ? await renderMonitoringReportPdf(outline) : await renderMonitoringReportDocx(outline);
  const edition = report.audience === "public" ? "-public" : "";
  return {
    body,
    contentType: contentTypes[format],
    fileName: `monitoring-report-${report.period.code}${edition}-${locale}.${format}`,
  };
}
