import { and, eq } from "drizzle-orm";
import type { Queryable } from "../db/index.js";
import type { Payment, PaymentCurrency, PaymentStatus } from "./payment-provider.js";
import { payments } from "./schema.js";

export interface PaymentRecord extends Payment {
  returnUrl: string;
}

type Row = typeof payments.$inferSelect;

function toRecord(row: Row): PaymentRecord {
  return {
    paymentId: row.id,
    provider: row.provider,
    reference: row.reference,
    amountMinor: row.amountMinor,
    currency: row.currency as PaymentCurrency,
    description: row.description,
    status: row.status,
    returnUrl: row.returnUrl,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

export async function insertPayment(
  db: Queryable,
  payment: Omit<PaymentRecord, "status" | "completedAt">,
): Promise<void> {
  await db.insert(payments).values({
    id: payment.paymentId,
    provider: payment.provider,
    reference: payment.reference,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    description: payment.description,
    returnUrl: payment.returnUrl,
    createdAt: payment.createdAt,
  });
}

export async function findPayment(db: Queryable, paymentId: string): Promise<PaymentRecord | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  return row ? toRecord(row) : undefined;
}

/**
 * Moves a pending payment to its final status; a payment is completed once only, so a second
 * click or a replayed form changes nothing. Returns the payment as it now is.
 */
export async function completePayment(
  db: Queryable,
  paymentId: string,
  status: Exclude<PaymentStatus, "pending">,
  at: Date,
): Promise<PaymentRecord | undefined> {
  await db
    .update(payments)
    .set({ status, completedAt: at })
    .where(and(eq(payments.id, paymentId), eq(payments.status, "pending")));
  return findPayment(db, paymentId);
}
