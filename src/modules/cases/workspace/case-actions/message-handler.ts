import type { FastifyReply, FastifyRequest } from "fastify";
import { accountRateLimits, countForAccount } from "../../account-rate-limits.js";
import { messageApplicant } from "../../operations/message-applicant.js";
import type { CaseParams } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { changeFromForm } from "./change-from-form.js";

/** An officer writes to the applicant (counted against the officer's own limit of messages). */
export async function messageFromForm(
  workspace: Workspace,
  request: FastifyRequest<CaseParams>,
  reply: FastifyReply,
) {
  const form = { id: "message", page: "notes", done: () => "messaged" } as const;
  return changeFromForm(workspace, request, reply, form, async (context, values) => {
    await countForAccount(workspace.cases, request, accountRateLimits.officerMessages);
    await messageApplicant(workspace, context, request.params.id, values.text ?? "");
    return "messaged";
  });
}
