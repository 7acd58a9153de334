import { DomainError, NotFoundError } from "../../../../platform/errors/index.js";
import { auditIndicator, authorizeIndicatorDefining } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import type { IndicatorForm } from "../indicator-forms.js";
import { findIndicatorById, updateIndicator } from "../indicator-repository.js";
import { indicatorInput } from "./define-indicator.js";
import { tellFocalPoints } from "./tell-focal-points.js";

/**
 * A policy officer changes an indicator's definition, all but its code. A demo indicator changed by an officer is
 * no longer demo. When an entered indicator moves to another agency (or becomes entered), that
 * agency's focal points are told.
 */
export async function changeIndicator(
  context: IndicatorContext,
  id: string,
  form: IndicatorForm,
): Promise<void> {
  const userId = await authorizeIndicatorDefining(context);
  const input = await indicatorInput(context, form);
  const { before, after } = await context.db.transaction(async (tx) => {
    const before = await findIndicatorById(tx, id);
    if (!before) throw new NotFoundError("policy_indicator_not_found");
    // Policy documents and monitoring reports name indicators by code: a code is for good.
    if (input.code !== before.code)
      throw new DomainError("policy_indicator_code_fixed", 422, "policyIndicators.errors.codeFixed");
    const changed = await updateIndicator(tx, id, input, { by: userId, at: context.clock.now() });
    if (!changed)
      throw new DomainError("policy_indicator_code_taken", 409, "policyIndicators.errors.codeTaken");
    await auditIndicator(context, tx, "policy_indicator.changed", id, {
      code: input.code,
      kind: input.kind,
    });
    return { before, after: await findIndicatorById(tx, id) };
  });
  const newDuty = before.kind !== "entered" || before.responsibleAgencyId !== input.responsibleAgencyId;
  if (after && newDuty) await tellFocalPoints(context, after);
}
