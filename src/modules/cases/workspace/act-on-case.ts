import type { CaseState } from "../engine/case-state.js";
import { type TransitionInput, transitionCase } from "../operations/transition-case.js";
import { mailApplicant } from "./applicant-mail.js";
import type { StaffContext, Workspace } from "./workspace.js";

/**
 * An officer moves a case on (start the review, ask for documents, draft, approve, return or
 * issue the decision) from the version of the case they saw. Asking for documents also tells
 * the applicant by e-mail, once the change is committed.
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
  const definition = workspace.cases.registry.get(state.typeCode, state.typeVersion);
  const transition = definition.transitions.find((one) => one.name === transitionName);
  if (transition?.effect === "requestDocuments") {
    await mailApplicant(workspace, state, {
      kind: "documentsRequested",
      documentCodes: state.requestedDocuments,
    });
  }
  return state;
}
