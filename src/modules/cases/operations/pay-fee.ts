import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";
import { feeDue } from "./submit-application.js";

/** The applicant chooses standard processing or a paid express tier (before paying). */
export async function chooseExpressTier(
  context: CasesContext,
  caseId: string,
  tier: string | null,
): Promise<CaseState> {
  return changeCase(
    context,
    caseId,
    undefined,
    "case.express_tier_chosen",
    async ({ state, definition, tx }) => {
      await authorizeOnCase(context, tx, "applicant", state, definition);
      if (state.state !== definition.initialState || state.feePaid) {
        throw new ConflictError("fee_settled", "cases.errors.fee_settled");
      }
      if (tier !== null && !definition.fee.expressTiers.some((one) => one.code === tier)) {
        throw new DomainError("unknown_tier", 422, "cases.errors.unknown_tier");
      }
      return [{ type: "case.express_tier_chosen", payload: { tier } }];
    },
  );
}

/** Records a payment the payment provider confirmed; the amount must be the fee due. */
export async function recordFeePayment(
  context: CasesContext,
  caseId: string,
  payment: { paymentId: string; amountMinor: number },
): Promise<CaseState> {
  return changeCase(context, caseId, undefined, "case.fee_paid", async ({ state, definition }) => {
    if (state.feePaid) throw new ConflictError("fee_settled", "cases.errors.fee_settled");
    if (payment.amountMinor !== feeDue(definition, state.expressTier)) {
      throw new DomainError("payment_amount", 422, "cases.errors.payment_amount");
    }
    return [{ type: "case.fee_paid", payload: payment }];
  });
}
