import type { FastifyReply, FastifyRequest } from "fastify";
import { legalDateAt } from "../../../../../platform/calendar/index.js";
import { countryProfile } from "../../../../../platform/country/index.js";
import { DomainError, NotFoundError } from "../../../../../platform/errors/index.js";
import { attachmentDisposition } from "../../../../../platform/files/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { periodOf, periodsBetween } from "../../../strategies/action-standing.js";
import { findDocument } from "../../../strategies/repository.js";
import { exportMonitoringReport } from "../../operations/export-monitoring-report.js";
import { publishMonitoringReport } from "../../operations/publish-monitoring-report.js";
import { listPublishedReports } from "../../published-report-repository.js";
import { reportLanguage } from "../../report-language.js";
import { noStore, type ReportPages } from "../../report-pages-module.js";
import { downloadFields, downloadQuerySchema, publishFormSchema } from "./report-form-schema.js";

export type DocumentRequest = FastifyRequest<{ Params: { id: string } }>;

interface FormErrors {
  errors: FieldError[];
  byField: Record<string, string>;
  code?: string | undefined;
}

function textsOf(source: unknown, fields: readonly string[]): Record<string, string> {
  const form = (source ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((field) => [field, typeof form[field] === "string" ? String(form[field]) : ""]),
  );
}

/** The quarters a report can be made for: from the document's start to today or its end, newest first. */
function periodChoices(document: { periodStart: string | null; periodEnd: string | null }, today: string) {
  const until = document.periodEnd && document.periodEnd < today ? document.periodEnd : today;
  const from = document.periodStart && document.periodStart <= until ? document.periodStart : until;
  return periodsBetween(from, until).reverse();
}

async function render(
  pages: ReportPages,
  request: DocumentRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  errors?: FormErrors,
) {
  const { t } = request;
  const document = await findDocument(pages.db, request.params.id);
  if (!document) throw new NotFoundError("policy_document_not_found");
  const today = legalDateAt(pages.clock.now(), countryProfile().timeZone);
  const language = reportLanguage(request.locale, t);
  const periods = periodChoices(document, today);
  const published = (await listPublishedReports(pages.db)).filter((one) => one.documentId === document.id);
  const publishedPeriod = textsOf(request.query, ["published"]).published ?? "";
  return reply.header("cache-control", noStore).render("policy/reports/pages/report-form/report-form.njk", {
    title: t("policyReports.form.title"),
    document: { id: document.id, title: document.title },
    values,
    downloadPeriods: periods.map((period) => ({
      value: period,
      text: language.period(period),
      selected: period === values.period,
    })),
    publishPeriods: periods.map((period) => ({
      value: period,
      text: language.period(period),
      selected: period === (values.publishPeriod || values.period),
    })),
    published: published.map((one) => ({
      id: one.id,
      period: language.period(one.period),
      publishedAt: language.dateTime(one.publishedAt.toISOString()),
    })),
    publishedPeriod: /^\d{4}-Q[1-4]$/.test(publishedPeriod) ? language.period(publishedPeriod) : "",
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    errorCode: errors?.code,
  });
}

function refusal(
  request: FastifyRequest,
  error: unknown,
  field: string,
): (FormErrors & { status: number }) | null {
  if (!(error instanceof DomainError) || (error.status !== 409 && error.status !== 422)) return null;
  const text = request.t(error.messageKey, error.messageValues ?? {});
  return {
    errors: [{ field, href: `#${field}`, text }],
    byField: { [field]: text },
    code: error.code,
    status: error.status,
  };
}

/**
 * GET /policy/documents/:id/monitoring-report: the choice of period, language, version and format.
 * Sent with a format, the same address answers with the file (or the form again with its errors).
 */
export async function showReportForm(pages: ReportPages, request: DocumentRequest, reply: FastifyReply) {
  const query = textsOf(request.query, downloadFields);
  if (!query.format) {
    const today = legalDateAt(pages.clock.now(), countryProfile().timeZone);
    // The last complete quarter: the one agencies have just reported on.
    const [lastComplete] = periodsBetween(`${Number(today.slice(0, 4)) - 1}-01-01`, today).slice(-2);
    const values = {
      period: lastComplete ?? periodOf(today),
      language: request.locale,
      edition: "full",
      format: "",
    };
    return render(pages, request, reply, values);
  }
  const form = parseForm(downloadQuerySchema, query, request.t);
  if (!form.ok) return render(pages, request, reply.status(422), query, form);
  let file: Awaited<ReturnType<typeof exportMonitoringReport>>;
  try {
    file = await exportMonitoringReport(pages.contextFor(request), {
      documentId: request.params.id,
      period: form.data.period,
      locale: form.data.language,
      format: form.data.format,
      edition: form.data.edition,
    });
  } catch (error) {
    const refused = refusal(request, error, "period");
    if (!refused) throw error;
    return render(pages, request, reply.status(refused.status), query, refused);
  }
  return reply
    .header("cache-control", noStore)
    .header("content-disposition", attachmentDisposition(file.fileName))
    .type(file.contentType)
    .send(file.body);
}

/** POST /policy/documents/:id/monitoring-report/publish: the public version goes on the portal. */
export async function publishFromForm(pages: ReportPages, request: DocumentRequest, reply: FastifyReply) {
  const values = textsOf(request.body, ["publishPeriod"]);
  const shown = {
    period: "",
    publishPeriod: values.publishPeriod ?? "",
    language: request.locale,
    edition: "full",
    format: "",
  };
  const form = parseForm(publishFormSchema, values, request.t);
  if (!form.ok) return render(pages, request, reply.status(422), shown, form);
  try {
    await publishMonitoringReport(pages.contextFor(request), request.params.id, form.data.publishPeriod);
  } catch (error) {
    const refused = refusal(request, error, "publishPeriod");
    if (!refused) throw error;
    return render(pages, request, reply.status(refused.status), shown, refused);
  }
  return reply.redirect(
    `/policy/documents/${request.params.id}/monitoring-report?published=${form.data.publishPeriod}`,
    303,
  );
}
