import { randomUUID } from "node:crypto";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { changePlan } from "../plan-change.js";
import { findObjective, insertMeasure } from "../repository.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/** A measure under an objective. */
export async function addMeasure(
  context: PolicyStrategiesContext,
  objectiveId: string,
  input: { code: string; title: string; description: string; internal?: boolean },
): Promise<string> {
  const objective = await findObjective(context.db, objectiveId);
  if (!objective) throw new NotFoundError("policy_objective_not_found");
  const id = randomUUID();
  await changePlan(
    context,
    { level: "measure", documentId: objective.documentId, code: input.code },
    (tx) =>
      insertMeasure(tx, {
        ...input,
        id,
        objectiveId,
        documentId: objective.documentId,
        at: context.clock.now(),
      }),
    { action: "policy_measure.added", entityId: id },
  );
  return id;
}
