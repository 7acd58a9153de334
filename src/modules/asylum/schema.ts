import { date, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * The step alerts already sent for asylum cases: one row per case, step and kind (`due_soon` the
 * working day before the step's last day, `overdue` once it has passed), claimed before the e-mail
 * goes so that a job run twice sends each once.
 */
export const asylumStepAlerts = pgTable(
  "asylum_step_alerts",
  {
    caseId: uuid("case_id").notNull(),
    step: text("step").notNull(),
    kind: text("kind", { enum: ["due_soon", "overdue"] }).notNull(),
    /** The step's last day the alert was about. */
    dueDate: date("due_date").notNull(),
    alertedOn: date("alerted_on").notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.step, table.kind] })],
);
