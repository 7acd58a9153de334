import type { FastifyReply } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import { recordFeePayment } from "../../operations/pay-fee.js";
import { applicationPaths } from "../application-steps.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";

/**
 * The payer comes back from the provider with a signed result. Only a verified "paid" result
 * for this application's number and fee records the payment; reloading this address (or coming
 * back twice) finds the fee already paid and changes nothing.
 */
export async function paymentReturnHandler(
  services: PortalServices,
  request: PageRequest<typeof caseParams>,
  reply: FastifyReply,
) {
  const { payments } = services;
  const context = services.cases.contextFor(request);
  const { state } = await readOwnCase(context, request.params.id, "fee");
  if (!payments) throw new DomainError("payments_unavailable", 503, "portal.fee.unavailable");
  const result = payments.verifyResult(request.query as Record<string, unknown>);
  if (result.reference !== state.number) {
    throw new DomainError("payment_reference", 400, "payments.errors.signatureInvalid");
  }
  const feePage = applicationPaths.fee(state.id);
  if (result.status === "failed") return reply.redirect(`${feePage}?done=paymentFailed`, 303);
  if (result.status !== "paid") return reply.redirect(`${feePage}?done=paymentCancelled`, 303);
  if (!state.feePaid) {
    // The provider's own record must agree with what came through the browser.
    const payment = await payments.getPayment(result.paymentId);
    if (payment.status !== "paid" || payment.reference !== state.number) {
      throw new DomainError("payment_reference", 400, "payments.errors.signatureInvalid");
    }
    try {
      await recordFeePayment(context, state.id, {
        paymentId: payment.paymentId,
        amountMinor: payment.amountMinor,
      });
    } catch (error) {
      // A second return racing the first finds the fee settled: that is the outcome wanted.
      if (!(error instanceof DomainError) || error.code !== "fee_settled") throw error;
    }
  }
  // Paid: back to "check your answers", where the application is now submitted.
  return reply.redirect(`${applicationPaths.check(state.id)}?done=paid`, 303);
}
