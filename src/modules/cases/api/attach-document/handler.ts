import type { FastifyReply } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import {
  type DocumentMediaType,
  readMultipartForm,
  safeDownloadName,
} from "../../../../platform/files/index.js";
import { accountRateLimits, countForAccount } from "../../account-rate-limits.js";
import { attachDocument } from "../../operations/attach-document.js";
import { uploadableCodes } from "../../portal/document-views.js";
import type { ApiRequest } from "../api-request.js";
import { documentView } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { attachDocumentSchema } from "./schema.js";

export async function attachDocumentHandler(
  { cases, documents }: ApplicationApiDependencies,
  request: ApiRequest<typeof attachDocumentSchema>,
  reply: FastifyReply,
) {
  const { context, state, definition } = await ownApplication(cases, request, reply, "write");
  await countForAccount(cases, request, accountRateLimits.uploads);
  const form = await readMultipartForm(request, documents);
  const code = typeof form.fields.code === "string" ? form.fields.code : "";
  const refused = form.refused.find((one) => one.fieldName === "file");
  if (refused) throw refused.error;
  const file = form.files.find((one) => one.fieldName === "file");
  if (!file) throw new DomainError("file_required", 422, "casesApi.errors.file_required");
  if (!uploadableCodes(state, definition).includes(code)) {
    throw new DomainError("unknown_document", 422, "cases.errors.unknown_document", {
      expected: uploadableCodes(state, definition),
    });
  }
  const mediaType: DocumentMediaType = file.document.mediaType;
  const attached = await attachDocument(context, state.id, code, {
    documentId: file.document.id,
    mediaType,
    size: file.document.size,
    sha256: file.document.sha256,
    fileName: safeDownloadName(file.declaredName, mediaType),
  });
  // Only the one file is kept; anything else sent with it is deleted after the response.
  form.keep();
  for (const extra of form.files.filter((one) => one !== file)) {
    await documents.deleteDocument(extra.document.id);
  }
  const document = attached.documents.find((one) => one.documentId === file.document.id);
  if (!document) throw new Error("the attached document is missing from the case");
  reply.header("location", `/api/v1/applications/${state.id}/documents/${document.documentId}`);
  return reply.status(201).send({ ...documentView(document), seq: attached.lastSeq });
}
