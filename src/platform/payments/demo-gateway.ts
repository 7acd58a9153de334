import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type Clock, systemClock } from "../clock/index.js";
import { countryProfile } from "../country/index.js";
import { derivePurposeKey } from "../crypto/secret-box.js";
import type { Database } from "../db/index.js";
import { NotFoundError } from "../errors/index.js";
import type {
  Payment,
  PaymentProvider,
  PaymentRequest,
  PaymentResult,
  PaymentStatus,
  StartedPayment,
} from "./payment-provider.js";
import { completePayment, findPayment, insertPayment, type PaymentRecord } from "./payment-repository.js";
import { PaymentResultSignature } from "./payment-result-signature.js";

/**
 * DEMO ONLY — NO MONEY MOVES. A stand-in payment provider for demonstration installations: its
 * "bank page" (/demo/pay/:paymentId, see demo-gateway-routes.ts) lets whoever holds the link
 * choose the outcome. It behaves like a real gateway otherwise: payments are kept in the
 * database, the result comes back signed (HMAC), and a payment is completed once only.
 * `createPaymentProvider` hands it out only when the configuration is in demo mode.
 */
export class DemoPaymentGateway implements PaymentProvider {
  readonly name = "demo";
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly signature: PaymentResultSignature;

  constructor(options: { db: Database; clock?: Clock; signingSecret: string }) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    this.signature = new PaymentResultSignature(
      derivePurposeKey(options.signingSecret, "payments:demo-gateway"),
    );
  }

  async createPayment(request: PaymentRequest): Promise<StartedPayment> {
    const valid = paymentRequest.parse(request);
    const paymentId = `demo_${randomBytes(16).toString("hex")}`;
    await insertPayment(this.db, {
      paymentId,
      provider: this.name,
      reference: valid.reference,
      amountMinor: valid.amountMinor,
      currency: valid.currency,
      description: valid.description,
      returnUrl: valid.returnUrl,
      createdAt: this.clock.now(),
    });
    // Relative, so the payer stays on the address (and cookies) they are using.
    return { paymentId, redirectUrl: `/demo/pay/${paymentId}` };
  }

  async getPayment(paymentId: string): Promise<Payment> {
    const { returnUrl: _returnUrl, ...payment } = await this.paymentRecord(paymentId);
    return payment;
  }

  verifyResult(fields: Record<string, unknown>): PaymentResult {
    return this.signature.verify(fields);
  }

  /** The payment with its return address, for the demo pages. */
  async paymentRecord(paymentId: string): Promise<PaymentRecord> {
    const payment = demoPaymentId.test(paymentId) ? await findPayment(this.db, paymentId) : undefined;
    if (!payment) throw new NotFoundError("payment_not_found");
    return payment;
  }

  /** What the payer chose on the demo page; a payment already completed keeps its status. */
  async complete(paymentId: string, outcome: Exclude<PaymentStatus, "pending">): Promise<PaymentRecord> {
    await this.paymentRecord(paymentId);
    const payment = await completePayment(this.db, paymentId, outcome, this.clock.now());
    if (!payment) throw new NotFoundError("payment_not_found");
    return payment;
  }

  /** The caller's return address with the signed result in its query. */
  returnAddress(payment: PaymentRecord): string {
    const url = new URL(payment.returnUrl, localBase);
    const fields = this.signature.toFields({
      paymentId: payment.paymentId,
      reference: payment.reference,
      status: payment.status,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
    });
    for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
    return `${url.pathname}${url.search}`;
  }
}

const demoPaymentId = /^demo_[0-9a-f]{32}$/;
const localBase = "http://karvan.invalid";

/** A path on this service: never another site (no open redirect through the gateway). */
const localPath = z
  .string()
  .max(2000)
  .refine((value) => /^\/(?![/\\])/.test(value) && !/[\s\\]/.test(value), "must be a path on this service")
  .transform((value) => {
    const url = new URL(value, localBase);
    return `${url.pathname}${url.search}`;
  })
  .refine((value) => new URL(value, localBase).origin === localBase, "must be a path on this service");

const paymentRequest = z.object({
  reference: z.string().trim().min(1).max(200),
  // Minor units as a whole number; the column is a 32-bit integer (21 million in a currency of cents).
  amountMinor: z.number().int().positive().max(2_147_483_647),
  currency: z
    .string()
    .refine((currency) => currency === countryProfile().currency.code, "must be the country's currency"),
  description: z.string().trim().min(1).max(500),
  returnUrl: localPath,
});
