import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ConflictError, DomainError, NotFoundError } from "../../../platform/http/index.js";
import { paymentStatuses } from "../../../platform/payments/index.js";
import { recordFeePayment } from "../operations/pay-fee.js";
import { feeDue } from "../operations/submit-application.js";
import { applicationPaths } from "../portal/application-steps.js";
import { applicationRoute, caseParams, errorResponses, limits, rateLimited } from "./api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "./own-application.js";

const paymentSchema = z.object({
  paymentId: z.string(),
  status: z.enum(paymentStatuses).describe("As the payment provider reports it"),
  amountMinor: z.number().int().describe("In qəpik (1 AZN = 100 qəpik)"),
  currency: z.literal("AZN"),
  feePaid: z.boolean().describe("Whether the application's fee is recorded as paid"),
});

const startedPaymentSchema = paymentSchema.extend({
  payUrl: z.string().describe("Where the payer pays: open it in their browser"),
});

/** Paying an application's fee through the configured payment provider, and following that payment. */
export async function registerApplicationPaymentApi(
  app: FastifyInstance,
  { cases, payments }: ApplicationApiDependencies,
): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = cases.guards.requireSignedIn;

  api.post(
    "/api/v1/applications/:id/payment",
    {
      schema: {
        ...applicationRoute,
        summary: "Start paying the fee",
        description:
          "Starts a payment of the fee due (after the express tier is chosen) with the payment provider and " +
          "answers where the payer pays (`payUrl`). After paying, the payer's browser comes back to the " +
          "application on the portal; a system follows the payment with `GET .../payment/{paymentId}`, which " +
          "records the fee once the provider confirms it. 409 `fee_settled` when already paid, 422 " +
          `\`nothing_to_pay\` without a fee, 503 \`payments_unavailable\` without a provider. ${limits}`,
        params: caseParams,
        response: { 201: startedPaymentSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const { state, definition } = await ownApplication(cases, request, reply, request.params.id, "write");
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
    },
  );

  api.get(
    "/api/v1/applications/:id/payment/:paymentId",
    {
      schema: {
        ...applicationRoute,
        summary: "Follow a payment of the fee",
        description:
          "The payment as the provider reports it. A payment the provider confirms as paid, for this " +
          "application and the fee due, is recorded on the application (once; `feePaid` then is true). " +
          `A payment of another application answers 404. ${limits}`,
        params: caseParams.extend({
          paymentId: z.string().min(1).max(100).describe("From the payment start"),
        }),
        response: { 200: paymentSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const { context, state } = await ownApplication(cases, request, reply, request.params.id, "write");
      if (!payments) {
        throw new DomainError("payments_unavailable", 503, "casesApi.errors.payments_unavailable");
      }
      // The provider's own record, never what a client says: only it can mark the fee paid.
      const payment = await payments.getPayment(request.params.paymentId);
      if (payment.reference !== state.number) throw new NotFoundError("payment_not_found");
      let feePaid = state.feePaid;
      if (payment.status === "paid" && !feePaid) {
        try {
          feePaid = (
            await recordFeePayment(context, state.id, {
              paymentId: payment.paymentId,
              amountMinor: payment.amountMinor,
            })
          ).feePaid;
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
    },
  );
}
