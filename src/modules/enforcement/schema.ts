import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * An entry of a watch list: a person barred from entering the country (`entry_ban`) or sought by
 * the police or a court (`wanted`), as the issuing authority described them. Names are kept as
 * written, in any script and as many as the authority gave; the birth date may be partial
 * (`1990`, `1990-05`, `1990-05-01`). An entry is never deleted: it ends (`endedAt`), so that a
 * hold made on it can still be explained.
 */
export const enforcementWatchListEntries = pgTable(
  "enforcement_watch_list_entries",
  {
    id: uuid("id").primaryKey(),
    list: text("list", { enum: ["entry_ban", "wanted"] }).notNull(),
    names: jsonb("names").$type<string[]>().notNull(),
    birthDate: text("birth_date"),
    sex: text("sex", { enum: ["F", "M"] }),
    /** ISO 3166-1 alpha-3 codes, as the case forms' country questions answer. */
    citizenships: jsonb("citizenships").$type<string[]>().notNull(),
    documentNumbers: jsonb("document_numbers").$type<string[]>().notNull(),
    legalBasis: text("legal_basis").notNull(),
    issuingAuthority: text("issuing_authority").notNull(),
    validFrom: date("valid_from").notNull(),
    validUntil: date("valid_until"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    endedBy: uuid("ended_by"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("enforcement_watch_list_entries_list").on(table.list, table.createdAt)],
);

/**
 * The blocking keys of each entry (the people module's person keys): a submission looks up the
 * entries that share a key with the person, and scores only those.
 */
export const enforcementWatchListKeys = pgTable(
  "enforcement_watch_list_keys",
  {
    key: text("key").notNull(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => enforcementWatchListEntries.id),
  },
  (table) => [
    primaryKey({ columns: [table.key, table.entryId] }),
    index("enforcement_watch_list_keys_entry").on(table.entryId),
  ],
);

export * from "./detention/schema-tables.js";
export * from "./readmission/schema-tables.js";
export * from "./return/schema-tables.js";
