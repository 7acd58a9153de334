import type { FastifyReply, FastifyRequest } from "fastify";
import type { FieldError, Locale } from "../../../../../platform/http/index.js";
import type { PolicyStrategiesModule } from "../../../strategies/strategies-module.js";
import { draftParagraphs, sectionCodes } from "../../draft-sections.js";
import { readPublicConsultation } from "../../operations/read-consultation.js";
import { lastDayOf } from "../../records.js";
import { commentMaxLength } from "../form-fields.js";

export const portalViews = "policy/consultation/pages/portal";

export interface CommentFormState {
  values: Record<string, string>;
  errors: FieldError[];
  byField: Record<string, string>;
  /** A refusal of the whole comment (closed, too many), shown above the form. */
  refusal?: string;
}

/** Whether this request comes from a member of the public signed in with their browser. */
export function signedInMember(request: FastifyRequest): boolean {
  const principal = request.principal;
  return principal?.kind === "public" && !principal.apiKeyId;
}

/** The consultation's public page in the reader's language, with the comment form kept as typed. */
export async function renderConsultationPage(
  module: PolicyStrategiesModule,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  form: CommentFormState,
) {
  const { t } = request;
  const locale = request.locale as Locale;
  const { consultation, standing, comments } = await readPublicConsultation(
    module.contextFor(request),
    request.params.id,
  );
  const sent = (request.query as Record<string, unknown> | undefined)?.sent;
  return reply.render(`${portalViews}/consultation.njk`, {
    title: consultation.title[locale],
    consultation,
    standing,
    lastDay: lastDayOf(consultation),
    paragraphs: draftParagraphs(consultation.text[locale]),
    comments,
    signedIn: signedInMember(request),
    sent: sent === "pending" || sent === "verify" ? sent : "",
    sectionItems: [
      { value: "", text: t("policyConsultation.portal.wholeDraft") },
      ...sectionCodes(consultation.text.az).map((code) => ({
        value: code,
        text: t("policyConsultation.report.section", { code }),
        selected: form.values.sectionCode === code,
      })),
    ],
    commentMaxLength,
    values: form.values,
    errors: form.errors,
    errorsByField: form.byField,
    refusal: form.refusal,
  });
}
