import { NotFoundError } from "../../../../platform/errors/index.js";
import { changePlan } from "../plan-change.js";
import { findAction, findMeasure, findObjective, setPlanItemInternal } from "../repository.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

export type PlanLevel = "objective" | "measure" | "action";

const finders = { objective: findObjective, measure: findMeasure, action: findAction };

/**
 * Marks an objective, measure or action internal, so that the public version of the monitoring
 * report leaves it out (an objective or measure with everything under it), or public again.
 * Returns the document it belongs to.
 */
export async function markPlanItemInternal(
  context: PolicyStrategiesContext,
  level: PlanLevel,
  id: string,
  internal: boolean,
): Promise<string> {
  const item = await finders[level](context.db, id);
  if (!item) throw new NotFoundError(`policy_${level}_not_found`);
  await changePlan(
    context,
    // The item keeps its number: only the document's lock, state and the officer's right are checked.
    { level, documentId: item.documentId, code: item.code, exceptId: id },
    (tx) => setPlanItemInternal(tx, level, id, internal),
    { action: `policy_${level}.${internal ? "marked_internal" : "marked_public"}`, entityId: id },
  );
  return item.documentId;
}
