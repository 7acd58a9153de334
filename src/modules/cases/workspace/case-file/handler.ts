import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseParams } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import type { CasePageParams } from "./form.js";
import { caseFilePages } from "./presenter.js";
import { renderCaseFile } from "./render-case-file.js";

export async function showCaseOverview(
  workspace: Workspace,
  request: FastifyRequest<CaseParams>,
  reply: FastifyReply,
) {
  return renderCaseFile(workspace, request, reply, request.params.id, "overview");
}

/** Another page of the case file (`/cases/:id/documents`...); an unknown page is not found. */
export async function showCaseFilePage(
  workspace: Workspace,
  request: FastifyRequest<CasePageParams>,
  reply: FastifyReply,
) {
  const page = caseFilePages.find((one) => one === request.params.page && one !== "overview");
  if (!page) return reply.callNotFound();
  return renderCaseFile(workspace, request, reply, request.params.id, page);
}
