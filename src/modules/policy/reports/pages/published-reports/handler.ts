import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError, NotFoundError } from "../../../../../platform/errors/index.js";
import { isLocale } from "../../../../../platform/http/index.js";
import { renderPublishedReport } from "../../operations/read-published-report.js";
import { listPublishedReports } from "../../published-report-repository.js";
import type { ReportFormat } from "../../render-monitoring-report.js";
import { reportLanguage } from "../../report-language.js";
import { type ReportPages, uuidPattern } from "../../report-pages-module.js";
import { sendReport } from "../report-file/handler.js";

/** GET /policy-reports: the published monitoring reports, newest period first, in the reader's language. */
export async function showPublishedReports(pages: ReportPages, request: FastifyRequest, reply: FastifyReply) {
  const { t } = request;
  const language = reportLanguage(request.locale, t);
  const reports = await listPublishedReports(pages.db);
  return reply.render("policy/reports/pages/published-reports/published-reports.njk", {
    title: t("policyReports.portal.title"),
    reports: reports.map((one) => ({
      id: one.id,
      title: one.title,
      period: language.period(one.period),
      publishedOn: language.date(one.publishedAt.toISOString().slice(0, 10)),
    })),
  });
}

/** GET /policy-reports/:id/monitoring-report.pdf|docx?language=: a published report, for anyone. */
export async function downloadPublishedReport(
  pages: ReportPages,
  format: ReportFormat,
  request: FastifyRequest<{ Params: { id: string }; Querystring: { language?: string } }>,
  reply: FastifyReply,
) {
  if (!uuidPattern.test(request.params.id)) throw new NotFoundError("policy_report_not_published");
  const language = request.query?.language ?? request.locale;
  if (!isLocale(language))
    throw new DomainError("policy_report_bad_language", 422, "policyReports.errors.language");
  const file = await renderPublishedReport(
    pages.db,
    request.params.id,
    format,
    language,
    pages.i18n.t(language),
  );
  // Not kept by caches either: publishing a period again replaces the report at the same address.
  return sendReport(reply, file);
}
