import type { Locale, Translator } from "../../../platform/http/index.js";
import { renderMonitoringReportDocx } from "../reports/render-monitoring-report-docx.js";
import { renderMonitoringReportPdf } from "../reports/render-monitoring-report-pdf.js";
import { reportLanguage } from "../reports/report-language.js";
import type { ReportBlock, ReportOutline } from "../reports/report-outline.js";
import type { ConsultationReport } from "./operations/consultation-report.js";

export const consultationReportFormats = ["pdf", "docx"] as const;
export type ConsultationReportFormat = (typeof consultationReportFormats)[number];

const contentTypes: Record<ConsultationReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * The report laid out as the monitoring reports' blocks, so that their PDF and Word writers set it:
 * the two formats say the same things in the same order.
 */
export function consultationReportOutline(
  report: ConsultationReport,
  locale: Locale,
  t: Translator,
): ReportOutline {
  const language = reportLanguage(locale, t);
  const { counts } = report;
  const k = (key: string, values?: Record<string, unknown>) => t(`policyConsultation.report.${key}`, values);
  const section = (code: string | null) => (code ? k("section", { code }) : k("wholeDraft"));
  const blocks: ReportBlock[] = [
    { kind: "heading", level: 1, text: k("figures"), listed: true },
    {
      kind: "facts",
      rows: (["received", "verified", "pending", "published", "rejected", "answered"] as const).map(
        (name) => [k(`counts.${name}`), language.number(counts[name], 0)],
      ),
    },
    { kind: "heading", level: 2, text: k("rejectedByReason"), listed: true },
    {
      kind: "table",
      head: [k("reason"), k("comments")],
      rows: counts.rejectedByReason.map((row) => [
        t(`policyConsultation.reasons.${row.reason}`),
        language.number(row.count, 0),
      ]),
      widths: [3, 1],
    },
    { kind: "heading", level: 2, text: k("perSection"), listed: true },
    {
      kind: "table",
      head: [k("sectionColumn"), k("comments")],
      rows: report.perSection.map((row) => [section(row.section), language.number(row.count, 0)]),
      widths: [3, 1],
    },
    { kind: "heading", level: 1, text: k("publishedComments"), listed: true, newPage: true },
    ...(report.published.length === 0
      ? [{ kind: "paragraph" as const, text: k("noPublished"), style: "note" as const }]
      : []),
    ...report.published.flatMap((comment): ReportBlock[] => [
      {
        kind: "agencyText",
        heading: `${comment.displayName ?? k("anonymous")} · ${section(comment.sectionCode)}`,
        byline: language.dateTime(comment.createdAt),
        text: comment.text,
      },
      ...(comment.answer
        ? [
            { kind: "paragraph" as const, text: k("answer"), style: "label" as const },
            { kind: "paragraph" as const, text: comment.answer },
          ]
        : [{ kind: "paragraph" as const, text: k("notAnswered"), style: "note" as const }]),
    ]),
  ];
  return {
    language: locale,
    kind: k("title"),
    strategyTitle: report.consultation.title[locale],
    edition: report.closed ? k("final") : k("interim"),
    cover: [
      [
        k("period"),
        t("policyConsultation.report.periodRange", {
          from: language.date(report.period.from),
          to: language.date(report.period.to),
        }),
      ],
      [k("counts.received"), language.number(counts.received, 0)],
      [k("counts.published"), language.number(counts.published, 0)],
    ],
    contentsHeading: k("contents"),
    blocks,
    pageLabel: (page, pages) => k("page", { page, pages }),
  };
}

export async function renderConsultationReport(
  report: ConsultationReport,
  format: ConsultationReportFormat,
  locale: Locale,
  t: Translator,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const outline = consultationReportOutline(report, locale, t);
  const body =
    format === "pdf" ? await renderMonitoringReportPdf(outline) : await renderMonitoringReportDocx(outline);
  return {
    body,
    contentType: contentTypes[format],
    fileName: `consultation-report-${report.period.to}-${locale}.${format}`,
  };
}
