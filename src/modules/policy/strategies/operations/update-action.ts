import { NotFoundError } from "../../../../platform/errors/index.js";
import { changePlan, checkAgencies } from "../plan-change.js";
import type { ActionContent } from "../records.js";
import { findAction, updateActionContent } from "../repository.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/** Changes an action's plan (its progress follows the reports, not this form). */
export async function updateAction(
  context: PolicyStrategiesContext,
  actionId: string,
  input: ActionContent,
): Promise<void> {
  const action = await findAction(context.db, actionId);
  if (!action) throw new NotFoundError("policy_action_not_found");
  const content = await checkAgencies(context, input);
  await changePlan(
    context,
    { level: "action", documentId: action.documentId, code: content.code, exceptId: actionId },
    (tx) => updateActionContent(tx, actionId, content),
    { action: "policy_action.changed", entityId: actionId },
  );
}
