import { randomUUID } from "node:crypto";
import { DomainError } from "../../../../platform/errors/index.js";
import { findAgencyByCode } from "../../../access/index.js";
import { auditIndicator, authorizeIndicatorDefining } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import { checkFilterCodes } from "../indicator-filter-codes.js";
import type { IndicatorForm } from "../indicator-forms.js";
import type { IndicatorInput } from "../indicator-record.js";
import { findIndicatorById, insertIndicator } from "../indicator-repository.js";
import { tellFocalPoints } from "./tell-focal-points.js";

/**
 * The form's definition with its responsible agency found by code (422 for an unknown one) and its
 * filters' codes checked against the statistics (422 `policy_indicator_filter_unknown_code`).
 */
export async function indicatorInput(
  context: IndicatorContext,
  form: IndicatorForm,
): Promise<IndicatorInput> {
  await checkFilterCodes(context.db, [
    { field: "numeratorFilter", ref: form.numerator },
    { field: "denominatorFilter", ref: form.denominator },
  ]);
  const agency = await findAgencyByCode(context.db, form.responsibleAgencyCode);
  if (!agency)
    throw new DomainError("policy_indicator_unknown_agency", 422, "policyIndicators.errors.agency");
  const { responsibleAgencyCode: _code, ...definition } = form;
  return { ...definition, responsibleAgencyId: agency.id };
}

/** A policy officer defines an indicator; a code already used is refused (409). */
export async function defineIndicator(context: IndicatorContext, form: IndicatorForm): Promise<string> {
  const userId = await authorizeIndicatorDefining(context);
  const input = await indicatorInput(context, form);
  const id = randomUUID();
  const indicator = await context.db.transaction(async (tx) => {
    const added = await insertIndicator(tx, { id, input, demo: false, by: userId, at: context.clock.now() });
    if (!added)
      throw new DomainError("policy_indicator_code_taken", 409, "policyIndicators.errors.codeTaken");
    await auditIndicator(context, tx, "policy_indicator.defined", id, { code: input.code, kind: input.kind });
    return findIndicatorById(tx, id);
  });
  if (indicator) await tellFocalPoints(context, indicator);
  return id;
}
