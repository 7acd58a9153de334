import type { CaseState } from "../engine/case-state.js";
import { sendMessage } from "../operations/add-note.js";
import { mailApplicantOfMessage } from "./applicant-mail.js";
import type { StaffContext, Workspace } from "./workspace.js";

/** An officer writes to the applicant on the case; the applicant is told by e-mail to read it. */
export async function messageApplicant(
  workspace: Workspace,
  context: StaffContext,
  caseId: string,
  text: string,
): Promise<CaseState> {
  const state = await sendMessage(context, caseId, text);
  await mailApplicantOfMessage(workspace, state);
  return state;
}
