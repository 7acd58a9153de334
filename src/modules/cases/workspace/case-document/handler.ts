import type { FastifyReply, FastifyRequest } from "fastify";
import { sendDocumentDownload, sendDocumentInline } from "../../../../platform/files/index.js";
import { downloadCaseDocument } from "../download-case-document.js";
import { staffContextOf, type Workspace } from "../workspace.js";
import type { DocumentParams } from "./form.js";

export async function downloadDocument(
  workspace: Workspace,
  request: FastifyRequest<DocumentParams>,
  reply: FastifyReply,
) {
  const { id, documentId } = request.params;
  const context = staffContextOf(workspace, request);
  return sendDocumentDownload(reply, await downloadCaseDocument(workspace, context, id, documentId));
}

export async function viewDocument(
  workspace: Workspace,
  request: FastifyRequest<DocumentParams>,
  reply: FastifyReply,
) {
  const { id, documentId } = request.params;
  const context = staffContextOf(workspace, request);
  return sendDocumentInline(reply, await downloadCaseDocument(workspace, context, id, documentId, "view"));
}
