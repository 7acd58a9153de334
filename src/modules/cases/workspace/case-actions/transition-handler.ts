import type { FastifyReply, FastifyRequest } from "fastify";
import { actOnCase } from "../../operations/act-on-case.js";
import { bodyOf, transitionInputOf } from "../case-forms.js";
import type { Workspace } from "../workspace.js";
import { changeFromForm } from "./change-from-form.js";
import { renderApprovalCheck } from "./confirm-approval.js";
import type { TransitionParams } from "./form.js";

/**
 * An officer moves the case on (a transition of its workflow). An approval is first shown on a
 * "check and confirm" page; the change happens once that page's form says `confirmed=yes`.
 */
export async function transitionFromForm(
  workspace: Workspace,
  request: FastifyRequest<TransitionParams>,
  reply: FastifyReply,
) {
  const name = request.params.transition;
  if (bodyOf(request).confirmed !== "yes") {
    // A reply is "thenable": the check says whether it answered, rather than returning the reply.
    if (await renderApprovalCheck(workspace, request, reply)) return reply;
  }
  const form = { id: `action-${name}`, page: "overview", done: () => name } as const;
  return changeFromForm(workspace, request, reply, form, async (context, values, seq) => {
    await actOnCase(workspace, context, request.params.id, seq, name, transitionInputOf(values));
    return name;
  });
}
