import type { FastifyReply, FastifyRequest } from "fastify";
import { type FieldError, parseForm } from "../../../../platform/http/index.js";
import { agreementByCode, defaultAgreementCode, partnerStates } from "../agreements.js";
import { registerReadmissionRequest } from "../operations/register-request.js";
import { partnerName, privatePage, queryText } from "../page-values.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { documentTypes, requestFormFields, requestFormSchema } from "../request-form.js";

/** What the officer typed, as text, to show again beside the errors. */
function typedValues(body: unknown): Record<string, string> {
  const form = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    requestFormFields.map((field) => [field, typeof form[field] === "string" ? form[field] : ""]),
  );
}

function options(request: FastifyRequest, values: Record<string, string>) {
  const t = request.t;
  const categories = agreementByCode(defaultAgreementCode)?.categories ?? [];
  return {
    directionItems: (["in", "out"] as const).map((value) => ({
      value,
      text: t(`readmission.direction.${value}`),
      checked: values.direction === value,
    })),
    procedureItems: (["normal", "accelerated"] as const).map((value) => ({
      value,
      text: t(`readmission.procedure.${value}`),
      checked: (values.procedure || "normal") === value,
    })),
    partnerItems: [
      { value: "", text: t("readmission.newRequest.choose"), selected: !values.partnerState },
      ...partnerStates()
        .map((code) => ({
          value: code,
          text: partnerName(request, code),
          selected: values.partnerState === code,
        }))
        .sort((a, b) => a.text.localeCompare(b.text)),
    ],
    categoryItems: categories.map((category) => ({
      value: category.code,
      text: t(`readmission.categories.${category.code}`),
      checked: values.category === category.code,
    })),
    sexItems: [
      { value: "", text: t("readmission.sex.unknown"), checked: !values.sex },
      { value: "F", text: t("readmission.sex.F"), checked: values.sex === "F" },
      { value: "M", text: t("readmission.sex.M"), checked: values.sex === "M" },
    ],
    documentTypeItems: documentTypes.map((value) => ({
      value,
      text: t(`readmission.documentTypes.${value || "none"}`),
      selected: values.documentType === value,
    })),
  };
}

function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  errors?: { errors: FieldError[]; byField: Record<string, string> },
) {
  if (errors) reply.status(422);
  return privatePage(reply).render("enforcement/readmission/new-request/new-request.njk", {
    title: request.t("readmission.newRequest.title"),
    values,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    ...options(request, values),
  });
}

export async function showNewRequestForm(request: FastifyRequest, reply: FastifyReply) {
  const direction = queryText(request, "direction");
  return renderForm(request, reply, typedValues({ direction: direction === "out" ? "out" : "in" }));
}

/** POST /readmission/new: a checked request is registered and shown; a wrong one comes back with its errors. */
export async function registerRequestFromForm(
  module: ReadmissionModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const values = typedValues(request.body);
  const form = parseForm(requestFormSchema(module.today()), values, request.t);
  if (!form.ok) return renderForm(request, reply, values, form);
  const id = await registerReadmissionRequest(module.contextFor(request), form.data);
  return reply.redirect(`/readmission/${id}?done=registered`, 303);
}
