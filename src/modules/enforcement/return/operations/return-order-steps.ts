import type { ModuleStepRunner } from "../../../cases/index.js";
import { returnOrder } from "../case-types/return-order.js";
import { returnServices } from "../return-services.js";
import { moveReturnOrder, type ReturnStep } from "./move-return-order.js";

/**
 * The return order's steps for the staff API: the same operation as the order's page, so the
 * outcome, the entry ban and the departure deadline are recorded whichever channel takes the step.
 */
export function returnOrderStepRunners(): ReadonlyMap<string, ModuleStepRunner> {
  const run: ModuleStepRunner = (context, caseId, expectedSeq, step, input) =>
    moveReturnOrder(returnServices(), context, caseId, expectedSeq, step as ReturnStep, {
      ...(input.reasons === undefined ? {} : { reasons: input.reasons }),
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      ...(input.occurredOn === undefined ? {} : { occurredOn: input.occurredOn }),
      ...(input.record === undefined ? {} : { record: input.record }),
      ...(input.answers.assistanceReceived === undefined
        ? {}
        : { assistanceReceived: input.answers.assistanceReceived }),
    });
  return new Map([[returnOrder.code, run]]);
}
