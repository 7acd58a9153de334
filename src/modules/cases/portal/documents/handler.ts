import type { FastifyReply } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { sendDocumentDownload } from "../../../../platform/files/index.js";
import { removeDocument } from "../../operations/attach-document.js";
import { applicationPaths } from "../application-steps.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import type { documentParams } from "./form.js";
import { renderDocumentsPage } from "./presenter.js";

type DocumentRequest = PageRequest<typeof documentParams>;

/** The draft's documents: what is needed, what is attached, and the upload form. */
export async function showDocumentsPage(
  services: PortalServices,
  request: PageRequest<typeof caseParams>,
  reply: FastifyReply,
) {
  const context = services.cases.contextFor(request);
  const { state, definition } = await readOwnCase(context, request.params.id, "documents");
  if (state.state !== definition.initialState) return reply.redirect(applicationPaths.status(state.id), 303);
  // "Check your answers" links each missing document here with its type chosen (`?code=`).
  const wanted = (request.query as { code?: unknown }).code;
  return renderDocumentsPage(request, reply, {
    state,
    definition,
    selectedCode: typeof wanted === "string" ? wanted : undefined,
  });
}

export async function removeDocumentHandler(
  services: PortalServices,
  request: DocumentRequest,
  reply: FastifyReply,
) {
  const context = services.cases.contextFor(request);
  const { state } = await readOwnCase(context, request.params.id, "documents");
  await removeDocument(context, state.id, request.params.documentId);
  // Out of the application, the file has no purpose left: it is deleted, not kept.
  await services.documents.deleteDocument(request.params.documentId);
  return reply.redirect(`${applicationPaths.documents(state.id)}?done=removed`, 303);
}

export async function downloadDocumentHandler(
  services: PortalServices,
  request: DocumentRequest,
  reply: FastifyReply,
) {
  const context = services.cases.contextFor(request);
  const { state } = await readOwnCase(context, request.params.id, "document-download");
  const document = state.documents.find((one) => one.documentId === request.params.documentId);
  if (!document) throw new NotFoundError("document_not_found");
  const content = await services.documents.readDocument(document.documentId);
  return sendDocumentDownload(reply, { content, fileName: document.fileName });
}
