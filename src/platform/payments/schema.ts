import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Payments asked of a payment provider, kept so that a restart loses none. Amounts are in the minor
 * units of their currency (an ISO 4217 code), as integers: money is never a floating-point number.
 */
export const payments = pgTable(
  "payments",
  {
    /** The provider's id of the payment ("demo_<32 hex>"). */
    id: text("id").primaryKey(),
    /** Which provider handles it ("demo"). */
    provider: text("provider").notNull(),
    /** The caller's reference (an application, a fee), echoed in the signed result. */
    reference: text("reference").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    description: text("description").notNull(),
    /** Path on this service the payer is sent back to, with the signed result. */
    returnUrl: text("return_url").notNull(),
    status: text("status", { enum: ["pending", "paid", "failed", "cancelled"] })
      .notNull()
      .default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [
    index("payments_reference_idx").on(table.reference),
    check("payments_amount_positive", sql`${table.amountMinor} > 0`),
    check("payments_currency_iso_4217", sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check("payments_status_known", sql`${table.status} in ('pending', 'paid', 'failed', 'cancelled')`),
    check(
      "payments_completed_when_final",
      sql`(${table.status} = 'pending') = (${table.completedAt} is null)`,
    ),
  ],
);
