import { NotFoundError } from "../../../../platform/errors/index.js";
import { findAgencyById } from "../../../access/index.js";
import { authorizeIndicatorDefining } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import type { PolicyIndicator } from "../indicator-record.js";
import { findIndicatorByCode } from "../indicator-repository.js";

/** An indicator's stored definition for the policy officer changing it, with its agency's code. */
export async function readDefinition(
  context: IndicatorContext,
  code: string,
): Promise<{ indicator: PolicyIndicator; agencyCode: string }> {
  await authorizeIndicatorDefining(context);
  const indicator = await findIndicatorByCode(context.db, code);
  if (!indicator) throw new NotFoundError("policy_indicator_not_found");
  const agency = await findAgencyById(context.db, indicator.responsibleAgencyId);
  return { indicator, agencyCode: agency?.code ?? "" };
}
