import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DomainError } from "../errors/index.js";
import { formatMoney } from "../locale/index.js";
import type { DemoPaymentGateway } from "./demo-gateway.js";
import type { PaymentStatus } from "./payment-provider.js";

const outcome = z.object({ outcome: z.enum(["paid", "failed", "cancelled"]) });

const statusLabels: Record<PaymentStatus, string> = {
  pending: "payments.status.pending",
  paid: "payments.status.paid",
  failed: "payments.status.failed",
  cancelled: "payments.status.cancelled",
};

/**
 * The demo gateway's own "bank page" — DEMO ONLY, no money moves. Registered by buildKarvan in
 * demo mode only; otherwise these addresses do not exist. Anyone holding the payment's link
 * (an unguessable id) may open it, as with a real gateway's payment page.
 */
export async function registerDemoGatewayRoutes(
  app: FastifyInstance,
  gateway: DemoPaymentGateway,
): Promise<void> {
  app.get<{ Params: { paymentId: string } }>(
    "/demo/pay/:paymentId",
    { schema: { hide: true } },
    async (request, reply) => {
      const payment = await gateway.paymentRecord(request.params.paymentId);
      return reply.render("payments/demo-pay.njk", {
        title: request.t("payments.demo.title"),
        payment,
        amount: formatMoney(payment.amountMinor, request.locale, { currency: payment.currency }),
        statusLabel: request.t(statusLabels[payment.status]),
        returnAddress: payment.status === "pending" ? undefined : gateway.returnAddress(payment),
      });
    },
  );

  app.post<{ Params: { paymentId: string } }>(
    "/demo/pay/:paymentId",
    { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const choice = outcome.safeParse(request.body);
      if (!choice.success) throw new DomainError("payment_outcome_invalid", 400, "errors.bad_request");
      const payment = await gateway.complete(request.params.paymentId, choice.data.outcome);
      return reply.redirect(gateway.returnAddress(payment), 303);
    },
  );
}
