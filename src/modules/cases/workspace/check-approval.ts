import { authorizeOnCase } from "../case-access.js";
import type { TransitionDefinition } from "../definition/case-type.js";
import { documentHolder } from "./answers-view.js";
import { type CaseFile, loadCaseForStaff, viewCaseFile } from "./view-case-file.js";
import type { StaffContext, Workspace } from "./workspace.js";

/** Changes that are confirmed on a page of their own before they happen: approving a decision. */
export function needsConfirmation(transition: TransitionDefinition | undefined): boolean {
  return transition?.effect === "approveDecision";
}

export type ApprovalCheck =
  | { kind: "check"; file: CaseFile; transition: TransitionDefinition; holderName: string | null }
  /** The case moved on since the officer's page was loaded (or the approval is no longer open). */
  | { kind: "changed" }
  /** This change happens without a page of its own. */
  | { kind: "notNeeded" };

/**
 * The "check and confirm" step before an approval: the decision as it will be approved, for an
 * officer who may approve it. Reading it is a read of the case file (audited as such); nothing
 * changes until the officer confirms.
 */
export async function checkApproval(
  workspace: Workspace,
  context: StaffContext,
  caseId: string,
  transitionName: string,
  expectedSeq: number,
): Promise<ApprovalCheck> {
  const { definition } = await loadCaseForStaff(workspace, context, caseId);
  // A step taken on the owning module's page is refused by the operation, not confirmed here.
  const named = definition.actionsPage
    ? undefined
    : definition.transitions.find((one) => one.name === transitionName);
  if (!needsConfirmation(named)) {
    return { kind: "notNeeded" };
  }
  const file = await viewCaseFile(workspace, context, caseId, `confirm-${transitionName}`);
  const transition = file.definition.transitions.find((one) => one.name === transitionName);
  if (!transition) return { kind: "changed" };
  await authorizeOnCase(context, context.db, transition.allowed, file.state, file.definition);
  if (file.state.lastSeq !== expectedSeq || !transition.from.includes(file.state.state)) {
    return { kind: "changed" };
  }
  // Only the name is shown; the language matters for the citizenship, which is not.
  const holder = documentHolder(file.definition, file.state.answers, "en");
  return { kind: "check", file, transition, holderName: holder.name };
}
