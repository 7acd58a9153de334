import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A person's request to correct what Karvan holds about them: which item, what is wrong, what is
 * right. The agency that owns the item (the case's agency; the migration service for the account
 * itself) answers it: corrected, or refused with reasons.
 */
export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: uuid("id").primaryKey(),
    /** The number people quote ("CR-000123"): short, and searchable in the officers' list. */
    number: integer("number").generatedAlwaysAsIdentity({ startWith: 100 }).notNull().unique(),
    requesterUserId: uuid("requester_user_id").notNull(),
    /** The case the item belongs to; null for the account's own details. */
    caseId: uuid("case_id"),
    caseNumber: text("case_number"),
    agencyId: uuid("agency_id").notNull(),
    /** What is to be corrected, as a code ("answer:fullName", "account:fullName", "document:<id>", "other"). */
    item: text("item").notNull(),
    /** The item in words as the requester saw it when asking (their language). */
    itemLabel: text("item_label").notNull(),
    whatIsWrong: text("what_is_wrong").notNull(),
    whatIsRight: text("what_is_right").notNull(),
    status: text("status", { enum: ["open", "corrected", "refused"] }).notNull(),
    /** The officer's answer: what was corrected, or the reasons for refusing. */
    reply: text("reply"),
    answeredBy: uuid("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("correction_requests_agency_queue").on(table.agencyId, table.status, table.createdAt),
    index("correction_requests_requester").on(table.requesterUserId, table.createdAt),
  ],
);

/**
 * Notices about an abandoned draft already sent: the applicant is warned once per last change of
 * the draft (saving it again starts the period anew, and a later warning is a new one). The
 * retention job claims a row before it sends, and removes a draft only when its warning went out
 * at least the notice period before.
 */
export const draftRemovalNotices = pgTable(
  "draft_removal_notices",
  {
    caseId: uuid("case_id").notNull(),
    /** The draft's last change the warning was about. */
    lastChange: timestamp("last_change", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.lastChange] })],
);
