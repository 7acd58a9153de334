/**
 * What Karvan asks of any payment provider (a bank's card gateway, a state payment portal). The
 * payer is sent to the provider's page and comes back to `returnUrl` with a signed result; the
 * caller verifies that signature before believing it, and may ask `getPayment` at any time.
 */

export const paymentStatuses = ["pending", "paid", "failed", "cancelled"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * An ISO 4217 currency code; amounts are integers in the currency's minor unit. Karvan asks for fees
 * in the country's currency (its profile, platform/country).
 */
export type PaymentCurrency = string;

export interface PaymentRequest {
  /** The caller's own reference (an application number, a fee id), returned with the result. */
  reference: string;
  amountMinor: number;
  currency: PaymentCurrency;
  /** What is being paid for, shown to the payer. */
  description: string;
  /** A path on this service ("/applications/123/paid") the payer is sent back to. */
  returnUrl: string;
}

export interface StartedPayment {
  paymentId: string;
  /** Where to send the payer's browser (303). */
  redirectUrl: string;
}

export interface Payment {
  paymentId: string;
  provider: string;
  reference: string;
  amountMinor: number;
  currency: PaymentCurrency;
  description: string;
  status: PaymentStatus;
  createdAt: Date;
  completedAt: Date | null;
}

/** The result a provider reports, on the return address or in a webhook, once verified. */
export interface PaymentResult {
  paymentId: string;
  reference: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: PaymentCurrency;
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(request: PaymentRequest): Promise<StartedPayment>;
  /** The payment as the provider knows it now; NotFoundError for an unknown id. */
  getPayment(paymentId: string): Promise<Payment>;
  /**
   * Checks the HMAC signature of a reported result (the query of the return address, or the
   * fields of a webhook) and returns it; throws `payment_signature_invalid` (400) when forged.
   */
  verifyResult(fields: Record<string, unknown>): PaymentResult;
}
