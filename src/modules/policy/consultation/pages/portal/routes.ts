import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../../platform/errors/index.js";
import { type Locale, parseForm } from "../../../../../platform/http/index.js";
import { typedValues } from "../../../strategies/pages/form-fields.js";
import type { PolicyStrategiesModule } from "../../../strategies/strategies-module.js";
import { readConsultationReport } from "../../operations/consultation-report.js";
import { postComment } from "../../operations/post-comment.js";
import { listPublicConsultations } from "../../operations/read-consultation.js";
import { verifyComment } from "../../operations/verify-comment.js";
import { consultationReportFormats, renderConsultationReport } from "../../render-consultation-report.js";
import { accountCommentForm, emailCommentForm } from "../form-fields.js";
import { portalViews, renderConsultationPage, signedInMember } from "./consultation-page.js";

type Id = { Params: { id: string } };
const commentFields = ["name", "displayName", "email", "sectionCode", "comment"] as const;
const open = { schema: { hide: true } };
/** Comments per address of the sender: the verification e-mails must not become a way to flood someone's inbox. */
const commentLimit = { ...open, config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } };
const downloadLimit = { ...open, config: { rateLimit: { max: 20, timeWindow: "1 minute" } } };

function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim() : "";
}

async function comment(module: PolicyStrategiesModule, request: FastifyRequest<Id>, reply: FastifyReply) {
  const values = typedValues(request.body, commentFields);
  const form = parseForm(signedInMember(request) ? accountCommentForm : emailCommentForm, values, request.t);
  if (!form.ok)
    return renderConsultationPage(module, request, reply.status(422), {
      values,
      errors: form.errors,
      byField: form.byField,
    });
  const data = form.data as typeof form.data & { name?: string; email?: string };
  try {
    const { verified } = await postComment(module.contextFor(request), request.params.id, {
      name: data.name ?? "",
      email: data.email ?? "",
      displayName: data.displayName,
      sectionCode: data.sectionCode,
      text: data.comment,
      locale: request.locale as Locale,
    });
    return reply.redirect(
      `/consultations/${request.params.id}?sent=${verified ? "pending" : "verify"}#comment-sent`,
      303,
    );
  } catch (error) {
    if (!(error instanceof DomainError) || ![409, 422, 429].includes(error.status)) throw error;
    const text = request.t(error.messageKey);
    const field = { consultation_section_unknown: "sectionCode", consultation_comment_limit: "email" }[
      error.code
    ];
    const state = field
      ? { values, errors: [{ field, href: `#${field}`, text }], byField: { [field]: text } }
      : { values, errors: [], byField: {}, refusal: text };
    return renderConsultationPage(module, request, reply.status(error.status), state);
  }
}

/** The portal's consultations: the list, each draft with its comments, commenting, and the report once closed. */
export function registerPortalConsultationPages(app: FastifyInstance, module: PolicyStrategiesModule): void {
  app.get("/consultations", open, async (request, reply) => {
    const words = queryText(request, "q");
    return reply.render(`${portalViews}/list.njk`, {
      title: request.t("policyConsultation.portal.title"),
      words,
      consultations: await listPublicConsultations(module.contextFor(request), words),
    });
  });
  app.get<Id>("/consultations/:id", open, (request, reply) =>
    renderConsultationPage(module, request, reply, { values: {}, errors: [], byField: {} }),
  );
  app.post<Id>("/consultations/:id/comments", commentLimit, (request, reply) =>
    comment(module, request, reply),
  );
  app.get<Id>(
    "/consultations/:id/verify",
    { ...open, config: commentLimit.config },
    async (request, reply) => {
      const verified = await verifyComment(module.contextFor(request), queryText(request, "token"));
      const outcome = verified === "closed" ? "closed" : verified ? "done" : "unusable";
      return reply.header("cache-control", "no-store").render(`${portalViews}/verified.njk`, {
        title: request.t(`policyConsultation.verify.${outcome}Title`),
        outcome,
        consultationId: request.params.id,
      });
    },
  );
  app.get<Id>("/consultations/:id/report", open, async (request, reply) => {
    const report = await readConsultationReport(module.contextFor(request), request.params.id);
    return reply.header("cache-control", "private, no-store").render(`${portalViews}/report.njk`, {
      title: request.t("policyConsultation.report.title"),
      consultationTitle: report.consultation.title[request.locale as Locale],
      report,
    });
  });
  for (const format of consultationReportFormats) {
    app.get<Id>(`/consultations/:id/report.${format}`, downloadLimit, async (request, reply) => {
      const report = await readConsultationReport(module.contextFor(request), request.params.id);
      const asked = queryText(request, "language");
      const locale = (["az", "en", "ru"].includes(asked) ? asked : request.locale) as Locale;
      const file = await renderConsultationReport(report, format, locale, module.i18n.t(locale));
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "private, no-store")
        .send(file.body);
    });
  }
}
