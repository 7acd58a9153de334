import { randomUUID } from "node:crypto";
import { DomainError } from "../../../../platform/errors/index.js";
import { findIndicatorByCode } from "../../indicators/indicator-repository.js";
import { changePlan } from "../plan-change.js";
import { insertObjective } from "../repository.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/** An objective of a document, with the codes of the indicators that measure it. */
export async function addObjective(
  context: PolicyStrategiesContext,
  documentId: string,
  input: { code: string; title: string; description: string; indicatorCodes: string[]; internal?: boolean },
): Promise<string> {
  for (const code of input.indicatorCodes) {
    // Reports and dashboards follow an objective's indicators by code: a mistyped code would go unseen.
    if (!(await findIndicatorByCode(context.db, code))) {
      throw new DomainError("policy_indicator_unknown", 422, "policyStrategies.errors.indicatorUnknown");
    }
  }
  const id = randomUUID();
  await changePlan(
    context,
    { level: "objective", documentId, code: input.code },
    (tx) => insertObjective(tx, { ...input, id, documentId, at: context.clock.now() }),
    { action: "policy_objective.added", entityId: id },
  );
  return id;
}
