import type { FastifyReply, FastifyRequest } from "fastify";
import { readMultipartForm } from "../../../../platform/files/index.js";
import { parseForm } from "../../../../platform/http/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import type { IdParams } from "../../page-options.js";
import { endSchema, extensionSchema, reviewSchema } from "../detention-forms.js";
import { reviewOutcomes } from "../detention-records.js";
import { endPlacement } from "../operations/end-placement.js";
import { extendPlacement } from "../operations/extend-placement.js";
import { placementFile } from "../operations/placement-file.js";
import { recordReview } from "../operations/record-review.js";
import { type FormErrors, queryText, refusalAt, typedValues } from "../page-helpers.js";
import { presentPlacement } from "./presenter.js";

type Form = "extend" | "review" | "end";
const formFields: Record<Form, readonly string[]> = {
  extend: ["newUntil", "decisionReference", "decidedBy", "decidedOn"],
  review: ["reviewedOn", "outcome", "notes"],
  end: ["endKind", "endedOn", "endRecord"],
};

interface FormState {
  form: Form;
  values: Record<string, string>;
  errors: FormErrors & { code?: string };
}

async function renderPlacement(
  services: EnforcementServices,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  state?: FormState,
) {
  const { t } = request;
  const file = await placementFile(services.enforcement.detention.contextFor(request), request.params.id);
  const values = (form: Form) => (state?.form === form ? state.values : typedValues({}, formFields[form]));
  const done = queryText(request, "done");
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/detention/placement/placement.njk", {
      title: t("detention.placement.title"),
      placement: presentPlacement(request, file),
      extendValues: values("extend"),
      reviewValues: values("review"),
      endValues: values("end"),
      errors: state?.errors.errors,
      errorsByField: state?.errors.byField ?? {},
      errorCode: state?.errors.code,
      outcomeItems: reviewOutcomes.map((outcome) => ({
        value: outcome,
        text: t(`detention.outcomes.${outcome}`),
        checked: values("review").outcome === outcome,
      })),
      endItems: (["released", "removed"] as const).map((kind) => ({
        value: kind,
        text: t(`detention.placement.endKinds.${kind}`),
        checked: values("end").endKind === kind,
      })),
      done: ["placed", "extended", "reviewed"].includes(done) ? t(`detention.done.${done}`) : null,
    });
}

export function showPlacement(
  services: EnforcementServices,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
) {
  return renderPlacement(services, request, reply);
}

/**
 * POST /detention/placements/:id/extend (multipart: the decision's document): recorded, or the form
 * back with its errors; a period beyond the law's limits answers 422 with the limit's code.
 */
export async function extendFromForm(
  services: EnforcementServices,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
) {
  const upload = await readMultipartForm(request, services.documents);
  const values = typedValues(upload.fields, formFields.extend);
  const form = parseForm(extensionSchema, values, request.t);
  const document = upload.files.find((file) => file.fieldName === "decisionDocument");
  const refused = upload.refused.find((file) => file.fieldName === "decisionDocument");
  const fileError = refused
    ? request.t(refused.error.messageKey)
    : document
      ? null
      : request.t("detention.errors.decisionDocument");
  if (!form.ok || fileError) {
    const errors: FormErrors = form.ok ? { errors: [], byField: {} } : form;
    if (fileError) {
      errors.errors.push({ field: "decisionDocument", href: "#decisionDocument", text: fileError });
      errors.byField.decisionDocument = fileError;
    }
    return renderPlacement(services, request, reply.status(refused ? refused.error.status : 422), {
      form: "extend",
      values,
      errors,
    });
  }
  try {
    await extendPlacement(services.enforcement.detention.contextFor(request), request.params.id, form.data, {
      stored: (document as NonNullable<typeof document>).document,
      declaredName: (document as NonNullable<typeof document>).declaredName,
    });
  } catch (error) {
    const refusal = refusalAt(request, error, "newUntil");
    if (!refusal) throw error;
    return renderPlacement(services, request, reply.status(refusal.status), {
      form: "extend",
      values,
      errors: refusal,
    });
  }
  upload.keep();
  return reply.redirect(`/detention/placements/${request.params.id}?done=extended`, 303);
}

/** POST /detention/placements/:id/review: a periodic review recorded, or the form back with its errors. */
export async function reviewFromForm(
  services: EnforcementServices,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
) {
  const values = typedValues(request.body, formFields.review);
  const form = parseForm(reviewSchema, values, request.t);
  if (!form.ok)
    return renderPlacement(services, request, reply.status(422), { form: "review", values, errors: form });
  await recordReview(services.enforcement.detention.contextFor(request), request.params.id, form.data);
  return reply.redirect(`/detention/placements/${request.params.id}?done=reviewed`, 303);
}

/** POST /detention/placements/:id/end: release or removal with its written record; back to the dashboard. */
export async function endFromForm(
  services: EnforcementServices,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
) {
  const values = typedValues(request.body, formFields.end);
  const form = parseForm(endSchema, values, request.t);
  if (!form.ok)
    return renderPlacement(services, request, reply.status(422), { form: "end", values, errors: form });
  try {
    await endPlacement(services.enforcement.detention.contextFor(request), request.params.id, form.data);
  } catch (error) {
    const refusal = refusalAt(request, error, "endedOn");
    if (!refusal || refusal.status === 409) throw error;
    return renderPlacement(services, request, reply.status(refusal.status), {
      form: "end",
      values,
      errors: refusal,
    });
  }
  return reply.redirect(`/detention?done=${form.data.endKind}`, 303);
}
