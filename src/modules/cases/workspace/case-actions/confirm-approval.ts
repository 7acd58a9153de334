import type { FastifyReply, FastifyRequest } from "fastify";
import { presentCaseFile } from "../case-file/presenter.js";
import { renderCaseFile } from "../case-file/render-case-file.js";
import { bodyOf, expectedSeqOf } from "../case-forms.js";
import { checkApproval } from "../check-approval.js";
import { staffContextOf, type Workspace } from "../workspace.js";
import type { TransitionParams } from "./form.js";

/**
 * Answers with the "check and confirm" page of an approval (or the case file, if the case moved
 * on); false, without answering, for a change that needs no confirmation.
 */
export async function renderApprovalCheck(
  workspace: Workspace,
  request: FastifyRequest<TransitionParams>,
  reply: FastifyReply,
): Promise<boolean> {
  const { id: caseId, transition: transitionName } = request.params;
  const context = staffContextOf(workspace, request);
  const expectedSeq = expectedSeqOf(bodyOf(request));
  const check = await checkApproval(workspace, context, caseId, transitionName, expectedSeq);
  if (check.kind === "notNeeded") return false;
  if (check.kind === "changed") {
    await renderCaseFile(workspace, request, reply, caseId, "overview", { status: 409, changed: true });
    return true;
  }
  const view = presentCaseFile(workspace, context, check.file, "overview", request.t, request.locale);
  await reply.render("cases/workspace/case-actions/confirm-approval.njk", {
    title: `${view.summary.number} – ${request.t("workspace.confirmApproval.title")}`,
    caseId,
    transitionName,
    actionLabel: check.transition.label[request.locale],
    expectedSeq: view.expectedSeq,
    summary: view.summary,
    decision: view.decision,
    holderName: check.holderName,
  });
  return true;
}
