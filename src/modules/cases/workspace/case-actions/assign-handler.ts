import type { FastifyReply, FastifyRequest } from "fastify";
import { listStaffWithPermission } from "../../../access/index.js";
import { assignCase } from "../../operations/assign-case.js";
import type { CaseParams } from "../page-options.js";
import { loadCaseForStaff } from "../view-case-file.js";
import type { StaffContext, Workspace } from "../workspace.js";
import { changeFromForm } from "./change-from-form.js";

/** A team lead gives the case to an officer of its agency, or to nobody. */
export async function assignFromForm(
  workspace: Workspace,
  request: FastifyRequest<CaseParams>,
  reply: FastifyReply,
) {
  const form = { id: "assign", page: "overview", done: (result: string) => result } as const;
  return changeFromForm(workspace, request, reply, form, async (context, values, seq) => {
    const { state } = await loadCaseForStaff(workspace, context, request.params.id);
    const officer = await chosenOfficer(context, state.agencyId, values.officerId);
    await assignCase(context, state.id, officer, seq);
    return officer ? "assigned" : "unassigned";
  });
}

/**
 * The officer chosen on the form, as the assignment rule needs to see them: someone who is no
 * officer of the case's agency with `cases.process` is passed on as such, for the rule to refuse.
 */
async function chosenOfficer(context: StaffContext, agencyId: string, officerId: string | undefined) {
  if (!officerId) return null;
  const officers = await listStaffWithPermission(context.db, agencyId, "cases.process");
  return officers.some((one) => one.id === officerId)
    ? { id: officerId, agencyId, canProcess: true }
    : { id: officerId, agencyId: null, canProcess: false };
}
