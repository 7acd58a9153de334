import { randomUUID } from "node:crypto";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { tellAgencyOfNewAction } from "../alerts/tell-agency-of-new-action.js";
import { changePlan, checkAgencies } from "../plan-change.js";
import type { ActionContent } from "../records.js";
import { findDocument, findMeasure, insertAction } from "../repository.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/**
 * An action under a measure: the responsible agency, partners, dates and budget. Once saved, the
 * responsible agency's focal points are told what they must now do.
 */
export async function addAction(
  context: PolicyStrategiesContext,
  measureId: string,
  input: ActionContent,
): Promise<string> {
  const measure = await findMeasure(context.db, measureId);
  if (!measure) throw new NotFoundError("policy_measure_not_found");
  const content = await checkAgencies(context, input);
  const id = randomUUID();
  await changePlan(
    context,
    { level: "action", documentId: measure.documentId, code: content.code },
    (tx) =>
      insertAction(tx, {
        ...content,
        id,
        measureId,
        documentId: measure.documentId,
        at: context.clock.now(),
      }),
    { action: "policy_action.added", entityId: id },
  );
  const document = await findDocument(context.db, measure.documentId);
  await tellAgencyOfNewAction(context, { ...content, id }, document?.title ?? "");
  return id;
}
