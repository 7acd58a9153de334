import type { FastifyReply, FastifyRequest } from "fastify";
import { mailRepresentativeNotice } from "../../notices/mail-representative-notice.js";
import { addRepresentative } from "../../operations/add-representative.js";
import { endRepresentation } from "../../operations/end-representation.js";
import type { CaseParams } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { changeFromForm } from "./change-from-form.js";
import type { RepresentativeParams } from "./form.js";

const form = { id: "representative", page: "overview", done: (result: string) => result } as const;

/** An officer gives a lawyer or guardian (a portal account) access to the case; they are told by e-mail. */
export async function addRepresentativeFromForm(
  workspace: Workspace,
  request: FastifyRequest<CaseParams>,
  reply: FastifyReply,
) {
  return changeFromForm(workspace, request, reply, form, async (context, values) => {
    const added = await addRepresentative(context, request.params.id, {
      email: values.email ?? "",
      role: values.role ?? "",
    });
    await mailRepresentativeNotice(workspace, added.state, added.representative, "representativeAdded");
    return "representativeAdded";
  });
}

/** An officer ends a representation; the representative is told and no longer sees the case. */
export async function endRepresentationFromForm(
  workspace: Workspace,
  request: FastifyRequest<RepresentativeParams>,
  reply: FastifyReply,
) {
  return changeFromForm(workspace, request, reply, form, async (context) => {
    const ended = await endRepresentation(context, request.params.id, request.params.representativeId);
    await mailRepresentativeNotice(workspace, ended.state, ended.representative, "representativeEnded");
    return "representativeEnded";
  });
}
