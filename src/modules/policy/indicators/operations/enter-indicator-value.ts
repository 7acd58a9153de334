import { DomainError, NotFoundError } from "../../../../platform/errors/index.js";
import { auditIndicator, authorizeValueEntry } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import type { ValueForm } from "../indicator-forms.js";
import { findIndicatorByCode, upsertValue } from "../indicator-repository.js";

/**
 * A focal point of the responsible agency enters a month's value with its source; entering the same
 * month again corrects it (the audit record keeps the value it replaced). Computed indicators take
 * no values (409), and a month that has not begun cannot have one (422).
 */
export async function enterIndicatorValue(
  context: IndicatorContext,
  code: string,
  form: ValueForm,
): Promise<void> {
  const indicator = await findIndicatorByCode(context.db, code);
  if (!indicator) throw new NotFoundError("policy_indicator_not_found");
  const { userId, agencyId } = await authorizeValueEntry(context, indicator);
  if (indicator.kind !== "entered")
    throw new DomainError("policy_indicator_computed", 409, "policyIndicators.errors.computedTakesNoValues");
  const now = context.clock.now();
  if (form.period > now.toISOString().slice(0, 7))
    throw new DomainError("policy_indicator_future_period", 422, "policyIndicators.errors.futurePeriod");
  await context.db.transaction(async (tx) => {
    const replaced = await upsertValue(tx, {
      indicatorId: indicator.id,
      period: form.period,
      value: form.value,
      source: form.source,
      agencyId,
      enteredBy: userId,
      enteredAt: now,
    });
    await auditIndicator(context, tx, "policy_indicator.value_entered", indicator.id, {
      period: form.period,
      value: form.value,
      replaced,
    });
  });
}
