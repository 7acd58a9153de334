import type { FastifyReply, FastifyRequest } from "fastify";
import { readMultipartForm } from "../../../../platform/files/index.js";
import { addEvidence } from "../operations/add-evidence.js";
import { readRequest } from "../operations/read-request.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { agreementOf } from "../request-dates.js";
import { renderRequestPage } from "./presenter.js";

/** POST /readmission/:id/evidence: one file, of a kind of proof the request's category accepts. */
export async function uploadEvidence(
  module: ReadmissionModule,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
) {
  const context = module.contextFor(request);
  const form = await readMultipartForm(request, module.documents);
  const file = await readRequest(context, request.params.id, "viewed");
  const kind = typeof form.fields.kind === "string" ? form.fields.kind : "";
  const category = agreementOf(file.request).categories.find((one) => one.code === file.request.category);
  const byField: Record<string, string> = {};
  if (!category?.evidence.some((item) => item.kind === kind))
    byField.kind = request.t("readmission.errors.evidenceKind");
  const upload = form.files[0];
  const refused = form.refused[0];
  if (!upload) {
    byField.file = request.t(refused ? refused.error.messageKey : "readmission.errors.file");
  }
  if (!upload || Object.keys(byField).length > 0) {
    const errors = Object.entries(byField).map(([field, text]) => ({
      field,
      text,
      href: `#evidence-${field}`,
    }));
    return renderRequestPage(request, reply, file, {
      today: module.today(),
      failure: { step: "evidence", errors, byField, values: { kind } },
    });
  }
  await addEvidence(context, request.params.id, {
    kind,
    fileName: upload.declaredName,
    document: upload.document,
  });
  form.keep();
  return reply.redirect(`/readmission/${request.params.id}?done=evidence`, 303);
}
