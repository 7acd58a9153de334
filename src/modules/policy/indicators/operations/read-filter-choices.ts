import { DomainError } from "../../../../platform/errors/index.js";
import { authorizeIndicatorDefining } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import { type FilterColumnCodes, filterColumnCodes } from "../indicator-filter-codes.js";

/**
 * The columns a formula's series may be narrowed by and the codes the statistics know for each:
 * what the definition form offers to choose from. Only policy officers define indicators; a series
 * that is not a cube's is refused (422 `policy_indicator_unknown_series`).
 */
export async function readFilterChoices(
  context: IndicatorContext,
  series: string,
): Promise<FilterColumnCodes[]> {
  await authorizeIndicatorDefining(context);
  const columns = await filterColumnCodes(context.db, series);
  if (!columns)
    throw new DomainError("policy_indicator_unknown_series", 422, "policyIndicators.errors.series");
  return columns;
}
