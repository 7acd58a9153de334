import { z } from "zod";
import { applicationRoute, caseParams, errorResponses, limits } from "../api-schemas.js";
import { paymentSchema } from "../start-payment/schema.js";

export const followPaymentSchema = {
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
};
