import type { FastifyReply, FastifyRequest } from "fastify";
import { claimCase } from "../../operations/assign-case.js";
import type { CaseParams } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { changeFromForm } from "./change-from-form.js";

/** An officer takes an unassigned case for themselves. */
export async function claimFromForm(
  workspace: Workspace,
  request: FastifyRequest<CaseParams>,
  reply: FastifyReply,
) {
  const form = { id: "claim", page: "overview", done: () => "claimed" } as const;
  return changeFromForm(workspace, request, reply, form, async (context, _values, seq) => {
    await claimCase(context, request.params.id, seq);
    return "claimed";
  });
}
