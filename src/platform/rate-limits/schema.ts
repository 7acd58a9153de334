import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of the per-account and per-address limits, in the database so that every instance
 * counts the same requests: one row per limit and key (a hash of the account, e-mail or network address) and fixed
 * time window.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("rate_limit_windows_ends_at").on(table.endsAt)],
);
