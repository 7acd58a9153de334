import type { CaseState } from "../engine/case-state.js";
import { notifyApplicantOfChange } from "../notices/notify-applicant-of-change.js";
import type { StaffContext, Workspace } from "../workspace/workspace.js";
import { type TransitionInput, transitionCase } from "./transition-case.js";

/**
 * An officer moves a case on (start the review, ask for documents, draft, approve, return or
 * issue the decision) from the version of the case they saw. Once the change is committed, the
 * applicant is told by e-mail when it changes what they must do or can expect (a decision, a
 * request for documents, the case put on hold or taken up again).
 */
export async function actOnCase(
  workspace: Workspace,
  context: StaffContext,
  caseId: string,
  expectedSeq: number,
  transitionName: string,
  input: TransitionInput,
): Promise<CaseState> {
  const state = await transitionCase(context, caseId, expectedSeq, transitionName, input);
  await notifyApplicantOfChange(workspace, state, expectedSeq);
  return state;
}
