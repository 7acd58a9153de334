import { date, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

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

/**
 * An asylum case's interview appointment as the officer set it (one row per case: a new
 * appointment replaces the earlier one). What the applicant sees in the portal; the interview's
 * own record is the case's task.
 */
export const asylumInterviews = pgTable("asylum_interviews", {
  caseId: uuid("case_id").primaryKey(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  place: text("place").notNull(),
  /** The language of interpretation, as the officer wrote it; null when no interpreter is needed. */
  interpreterLanguage: text("interpreter_language"),
  scheduledBy: uuid("scheduled_by").notNull(),
  scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
});
