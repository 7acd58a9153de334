import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../../platform/errors/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { typedValues } from "../../../strategies/pages/form-fields.js";
import type { PolicyStrategiesModule } from "../../../strategies/strategies-module.js";
import { listConsultationsForStaff } from "../../operations/moderation-queue.js";
import { openConsultation } from "../../operations/open-consultation.js";
import { openForm } from "../form-fields.js";

export const staffViews = "policy/consultation/pages/staff";
const fields = [
  "documentId",
  "titleAz",
  "titleEn",
  "titleRu",
  "textAz",
  "textEn",
  "textRu",
  "opensOn",
  "closesOn",
  "moveDraft",
] as const;

/** Which refusal of the operation belongs at which field. */
const fieldOfCode: Record<string, string> = {
  consultation_closes_before_opening: "closesOn",
  consultation_closes_in_past: "closesOn",
  consultation_already_open: "documentId",
  consultation_document_not_in_consultation: "documentId",
  policy_transition_date_too_early: "documentId",
};

export async function renderOpenForm(
  module: PolicyStrategiesModule,
  request: FastifyRequest,
  reply: FastifyReply,
  state: { values: Record<string, string>; errors: FieldError[]; byField: Record<string, string> },
) {
  const { t } = request;
  const { documents } = await listConsultationsForStaff(module.contextFor(request));
  const chosen = documents.find((document) => document.id === state.values.documentId);
  const values =
    chosen && !state.values.titleEn
      ? { ...state.values, titleAz: chosen.title, titleEn: chosen.title, titleRu: chosen.title }
      : state.values;
  return reply.header("cache-control", "private, no-store").render(`${staffViews}/open.njk`, {
    title: t("policyConsultation.staff.openTitle"),
    documentItems: [
      { value: "", text: t("policyConsultation.staff.chooseDocument") },
      ...documents.map((document) => ({
        value: document.id,
        text: `${document.title} (${t(`policyConsultation.documentStatuses.${document.status}`)})`,
        selected: document.id === values.documentId,
      })),
    ],
    values,
    errors: state.errors,
    errorsByField: state.byField,
  });
}

export async function submitOpenForm(
  module: PolicyStrategiesModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const values = typedValues(request.body, fields);
  const form = parseForm(openForm, values, request.t);
  if (!form.ok)
    return renderOpenForm(module, request, reply.status(422), {
      values,
      errors: form.errors,
      byField: form.byField,
    });
  const data = form.data;
  try {
    const id = await openConsultation(module.contextFor(request), {
      documentId: data.documentId,
      title: { az: data.titleAz, en: data.titleEn, ru: data.titleRu },
      text: { az: data.textAz, en: data.textEn, ru: data.textRu },
      opensOn: data.opensOn,
      closesOn: data.closesOn,
      moveDraftToConsultation: data.moveDraft === "yes",
    });
    return reply.redirect(`/policy/consultations/${id}?done=opened`, 303);
  } catch (error) {
    const field = error instanceof DomainError ? fieldOfCode[error.code] : undefined;
    if (!(error instanceof DomainError) || !field) throw error;
    const text = request.t(error.messageKey);
    return renderOpenForm(module, request, reply.status(error.status), {
      values,
      errors: [{ field, href: `#${field}`, text }],
      byField: { [field]: text },
    });
  }
}
