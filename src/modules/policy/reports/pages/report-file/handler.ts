import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../../../platform/errors/index.js";
import { attachmentDisposition } from "../../../../../platform/files/index.js";
import { supportedLocales } from "../../../../../platform/http/index.js";
import { exportMonitoringReport } from "../../operations/export-monitoring-report.js";
import type { RenderedReport, ReportFormat } from "../../render-monitoring-report.js";
import { noStore, type ReportPages } from "../../report-pages-module.js";

const fileQuery = z.object({
  period: z.string(),
  language: z.enum(supportedLocales).optional(),
  edition: z.enum(["full", "public"]).default("full"),
});

/** Sends a rendered report as a download, never kept by a cache. */
export function sendReport(reply: FastifyReply, file: RenderedReport) {
  return reply
    .header("cache-control", noStore)
    .header("content-disposition", attachmentDisposition(file.fileName))
    .type(file.contentType)
    .send(file.body);
}

/**
 * GET /policy/documents/:id/monitoring-report.pdf|docx?period=2026-Q3&language=az&edition=full: the
 * file itself, for links from other pages; in the pages' language unless `language` names another
 * (`lang=` works too: the platform switches the pages' language to it first). A bad choice answers
 * 422 with its code.
 */
export async function downloadReport(
  pages: ReportPages,
  format: ReportFormat,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
) {
  const query = fileQuery.safeParse(request.query ?? {});
  if (!query.success) throw new DomainError("policy_report_bad_query", 422, "policyReports.errors.query");
  const file = await exportMonitoringReport(pages.contextFor(request), {
    documentId: request.params.id,
    period: query.data.period,
    locale: query.data.language ?? request.locale,
    format,
    edition: query.data.edition,
  });
  return sendReport(reply, file);
}
