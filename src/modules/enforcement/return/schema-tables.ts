import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * What the return procedure keeps beside its case (the case engine holds the order itself): the
 * departure deadline set at the notice, the entry ban the approval put on the watch list, the
 * the alerts already sent. One row per order case.
 */
export const enforcementReturnOrders = pgTable(
  "enforcement_return_orders",
  {
    caseId: uuid("case_id").primaryKey(),
    agencyId: uuid("agency_id").notNull(),
    /** The officer the alerts go to: who recorded the notice. */
    responsibleOfficerId: uuid("responsible_officer_id"),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    /** The last day for voluntary departure (legal date). */
    dueDate: date("due_date"),
    /** The instant the period ends, when it is counted in hours. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    entryBanEntryId: uuid("entry_ban_entry_id"),
    /** The legal dates the two alerts were last sent: each is sent once (the overdue one daily). */
    dueSoonAlertedOn: date("due_soon_alerted_on"),
    overdueAlertedOn: date("overdue_alerted_on"),
  },
  (table) => [index("enforcement_return_orders_due").on(table.dueDate)],
);

/**
 * Each outcome of an order as recorded (a removal ordered, then the removal...): the day it
 * happened and the written record (the border crossing, the escort's report), which is personal data.
 */
export const enforcementReturnOutcomes = pgTable(
  "enforcement_return_outcomes",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id").notNull(),
    outcome: text("outcome", {
      enum: ["departed", "removal_ordered", "removed", "absconded", "found", "cancelled"],
    }).notNull(),
    occurredOn: date("occurred_on").notNull(),
    record: text("record").notNull(),
    /** A departure: whether the person received return assistance (null for the other outcomes). */
    assistanceReceived: boolean("assistance_received"),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("enforcement_return_outcomes_case").on(table.caseId, table.recordedAt)],
);
