import { z } from "zod";
import { paymentStatuses } from "../../../../platform/payments/index.js";
import { applicationRoute, caseParams, errorResponses, limits } from "../api-schemas.js";

export const paymentSchema = z.object({
  paymentId: z.string(),
  status: z.enum(paymentStatuses).describe("As the payment provider reports it"),
  amountMinor: z.number().int().describe("In the currency's minor unit, as an integer (cents, qəpik, fils)"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe("ISO 4217 code: the country's currency"),
  feePaid: z.boolean().describe("Whether the application's fee is recorded as paid"),
});

const startedPaymentSchema = paymentSchema.extend({
  payUrl: z.string().describe("Where the payer pays: open it in their browser"),
});

export const startPaymentSchema = {
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
};
