import { NotFoundError } from "../../../../platform/errors/index.js";
import { addMonthsToMonth } from "../../../statistics/index.js";
import { authorizeValueEntry } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import type { EnteredValue, PolicyIndicator } from "../indicator-record.js";
import { findIndicatorByCode, valuesBetween } from "../indicator-repository.js";

/** For a focal point of the responsible agency: the indicator and its values of the last two years. */
export async function readEnteredValues(
  context: IndicatorContext,
  code: string,
): Promise<{ indicator: PolicyIndicator; values: EnteredValue[] }> {
  const indicator = await findIndicatorByCode(context.db, code);
  if (!indicator) throw new NotFoundError("policy_indicator_not_found");
  await authorizeValueEntry(context, indicator);
  const month = context.clock.now().toISOString().slice(0, 7);
  const values = await valuesBetween(context.db, indicator.id, addMonthsToMonth(month, -23), month);
  return { indicator, values: values.reverse() };
}
