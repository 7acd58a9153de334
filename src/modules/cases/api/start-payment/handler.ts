import type { FastifyReply } from "fastify";
import { ConflictError, DomainError } from "../../../../platform/errors/index.js";
import { feeDue } from "../../operations/submit-application.js";
import { applicationPaths } from "../../portal/application-steps.js";
import type { ApiRequest } from "../api-request.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { startPaymentSchema } from "./schema.js";

export async function startPaymentHandler(
  { cases, payments }: ApplicationApiDependencies,
  request: ApiRequest<typeof startPaymentSchema>,
  reply: FastifyReply,
) {
  const { state, definition } = await ownApplication(cases, request, reply, "write");
  if (state.state !== definition.initialState) {
    throw new ConflictError("case_submitted", "cases.errors.case_submitted");
  }
  if (state.feePaid) throw new ConflictError("fee_settled", "cases.errors.fee_settled");
  const amountMinor = feeDue(definition, state.expressTier);
  if (amountMinor === 0) throw new DomainError("nothing_to_pay", 422, "casesApi.errors.nothing_to_pay");
  if (!payments) {
    throw new DomainError("payments_unavailable", 503, "casesApi.errors.payments_unavailable");
  }
  // The same payment the portal's fee page starts; the provider's page returns to the portal.
  const started = await payments.createPayment({
    reference: state.number,
    amountMinor,
    currency: definition.fee.currency,
    description: `${definition.name[request.locale]} — ${state.number}`,
    returnUrl: `${applicationPaths.fee(state.id)}/return`,
  });
  reply.header("location", `/api/v1/applications/${state.id}/payment/${started.paymentId}`);
  return reply.status(201).send({
    paymentId: started.paymentId,
    status: "pending" as const,
    amountMinor,
    currency: definition.fee.currency,
    feePaid: false,
    payUrl: new URL(started.redirectUrl, cases.config.publicUrl).toString(),
  });
}
