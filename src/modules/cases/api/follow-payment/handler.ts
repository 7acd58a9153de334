import type { FastifyReply } from "fastify";
import { DomainError, NotFoundError } from "../../../../platform/errors/index.js";
import { recordFeePayment } from "../../operations/pay-fee.js";
import type { ApiRequest } from "../api-request.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { followPaymentSchema } from "./schema.js";

export async function followPaymentHandler(
  { cases, payments }: ApplicationApiDependencies,
  request: ApiRequest<typeof followPaymentSchema>,
  reply: FastifyReply,
) {
  const { context, state } = await ownApplication(cases, request, reply, "write");
  if (!payments) {
    throw new DomainError("payments_unavailable", 503, "casesApi.errors.payments_unavailable");
  }
  // The provider's own record, never what a client says: only it can mark the fee paid.
  const payment = await payments.getPayment(request.params.paymentId);
  if (payment.reference !== state.number) throw new NotFoundError("payment_not_found");
  let feePaid = state.feePaid;
  if (payment.status === "paid" && !feePaid) {
    try {
      const recorded = await recordFeePayment(context, state.id, {
        paymentId: payment.paymentId,
        amountMinor: payment.amountMinor,
      });
      feePaid = recorded.feePaid;
    } catch (error) {
      // The browser's return to the portal may have recorded it a moment before.
      if (!(error instanceof DomainError) || error.code !== "fee_settled") throw error;
      feePaid = true;
    }
  }
  return {
    paymentId: payment.paymentId,
    status: payment.status,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    feePaid,
  };
}
