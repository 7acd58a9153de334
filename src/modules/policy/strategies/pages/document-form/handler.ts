import type { FastifyReply, FastifyRequest } from "fastify";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { isAdoptedText } from "../../document-status.js";
import { createPolicyDocument } from "../../operations/create-document.js";
import { readPolicyDocument } from "../../operations/read-plan.js";
import { updatePolicyDocument } from "../../operations/update-document.js";
import { documentKinds, type PolicyDocument } from "../../records.js";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { typedValues } from "../form-fields.js";
import { privatePage } from "../page-values.js";
import { documentFormFields, documentFormSchema } from "./document-form-schema.js";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  form: { document?: PolicyDocument; values: Record<string, string> },
  errors?: { errors: FieldError[]; byField: Record<string, string> },
) {
  if (errors) reply.status(422);
  const t = request.t;
  return privatePage(reply).render("policy/strategies/pages/document-form/document-form.njk", {
    title: form.document
      ? t("policyStrategies.documentForm.editTitle")
      : t("policyStrategies.documentForm.newTitle"),
    action: form.document ? `/policy/documents/${form.document.id}/edit` : "/policy/documents/new",
    document: form.document,
    makesNewVersion: form.document ? isAdoptedText(form.document.status) : false,
    values: form.values,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    kindItems: documentKinds.map((kind) => ({
      value: kind,
      text: t(`policyStrategies.kind.${kind}`),
      checked: form.values.kind === kind,
    })),
  });
}

function valuesOf(document: PolicyDocument): Record<string, string> {
  return {
    kind: document.kind,
    title: document.title,
    summary: document.summary,
    adoptingBody: document.adoptingBody ?? "",
    periodStart: document.periodStart ?? "",
    periodEnd: document.periodEnd ?? "",
    citedActs: document.citedActs.join("\n"),
  };
}

export async function showNewDocumentForm(request: FastifyRequest, reply: FastifyReply) {
  return renderForm(request, reply, { values: typedValues({ kind: "strategy" }, documentFormFields) });
}

export async function showEditDocumentForm(
  module: PolicyStrategiesModule,
  request: IdRequest,
  reply: FastifyReply,
) {
  const { document } = await readPolicyDocument(module.contextFor(request), request.params.id);
  return renderForm(request, reply, { document, values: valuesOf(document) });
}

/** POST /policy/documents/new and /policy/documents/:id/edit. */
export async function saveDocument(
  module: PolicyStrategiesModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const values = typedValues(request.body, documentFormFields);
  const id = (request.params as { id?: string }).id;
  const document = id ? (await readPolicyDocument(module.contextFor(request), id)).document : undefined;
  const parsed = parseForm(documentFormSchema, values, request.t);
  if (!parsed.ok) return renderForm(request, reply, { ...(document ? { document } : {}), values }, parsed);
  const context = module.contextFor(request);
  if (id) {
    await updatePolicyDocument(context, id, parsed.data);
    return reply.redirect(`/policy/documents/${id}?done=saved`, 303);
  }
  const created = await createPolicyDocument(context, parsed.data);
  return reply.redirect(`/policy/documents/${created}?done=created`, 303);
}
