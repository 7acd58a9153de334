import type { CaseState } from "../engine/case-state.js";
import { mailApplicantOfMessage } from "../workspace/applicant-mail.js";
import type { StaffContext, Workspace } from "../workspace/workspace.js";
import { sendMessage } from "./add-note.js";

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
