import type { FastifyReply } from "fastify";
import { removeDocument } from "../../operations/attach-document.js";
import type { ApiRequest } from "../api-request.js";
import { applicationView } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { removeDocumentSchema } from "./schema.js";

export async function removeDocumentHandler(
  { cases, documents }: ApplicationApiDependencies,
  request: ApiRequest<typeof removeDocumentSchema>,
  reply: FastifyReply,
) {
  const { context, state, definition } = await ownApplication(cases, request, reply, "write");
  const removed = await removeDocument(context, state.id, request.params.documentId);
  // Out of the application, the file has no purpose left: it is deleted, not kept.
  await documents.deleteDocument(request.params.documentId);
  return applicationView(removed, definition);
}
