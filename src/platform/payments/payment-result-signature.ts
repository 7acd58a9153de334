import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { DomainError } from "../errors/index.js";
import { type PaymentResult, paymentStatuses } from "./payment-provider.js";

/**
 * HMAC-SHA256 over every field of a result, so that neither the status nor the amount nor the
 * reference can be changed on the way back through the payer's browser.
 */
export class PaymentResultSignature {
  constructor(private readonly key: Buffer) {}

  sign(result: PaymentResult): string {
    return createHmac("sha256", this.key).update(canonical(result)).digest("base64url");
  }

  /** The fields as sent back (strings), checked; throws when anything is missing or forged. */
  verify(fields: Record<string, unknown>): PaymentResult {
    const parsed = resultFields.safeParse(fields);
    if (!parsed.success) throw invalidSignature();
    const { signature, ...result } = parsed.data;
    const expected = Buffer.from(this.sign(result), "utf8");
    const given = Buffer.from(signature, "utf8");
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalidSignature();
    return result;
  }

  /** The result and its signature as URL query fields. */
  toFields(result: PaymentResult): Record<string, string> {
    return {
      paymentId: result.paymentId,
      reference: result.reference,
      status: result.status,
      amountMinor: String(result.amountMinor),
      currency: result.currency,
      signature: this.sign(result),
    };
  }
}

const resultFields = z.object({
  paymentId: z.string().min(1).max(100),
  reference: z.string().min(1).max(200),
  status: z.enum(paymentStatuses),
  // A string on a return address, a number in a JSON webhook; a whole number of minor units.
  amountMinor: z.union([
    z
      .string()
      .regex(/^[1-9][0-9]{0,14}$/)
      .transform(Number),
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  ]),
  currency: z.string().regex(/^[A-Z]{3}$/),
  signature: z.string().min(1).max(100),
});

function canonical(result: PaymentResult): string {
  return JSON.stringify([
    "karvan-payment-result-v1",
    result.paymentId,
    result.reference,
    result.status,
    result.amountMinor,
    result.currency,
  ]);
}

function invalidSignature(): DomainError {
  return new DomainError("payment_signature_invalid", 400, "payments.errors.signatureInvalid");
}
