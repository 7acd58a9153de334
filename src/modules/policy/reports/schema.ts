import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { MonitoringReport } from "./monitoring-report.js";

/**
 * The public version of a document's monitoring report for a period, as a policy officer published
 * it: the report in each language with its internal items already left out. The portal renders
 * documents from this, so the public sees what was published, not the plan as it changes after.
 * Publishing again for the same period replaces it.
 */
export const policyPublishedReports = pgTable(
  "policy_published_reports",
  {
    id: uuid("id").primaryKey(),
    documentId: uuid("document_id").notNull(),
    /** The reporting period, "2026-Q3". */
    period: text("period").notNull(),
    /** The document's title when published, for the portal's list. */
    title: text("title").notNull(),
    reports: jsonb("reports").$type<Record<"az" | "en" | "ru", MonitoringReport>>().notNull(),
    publishedBy: uuid("published_by").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("policy_published_reports_document_period").on(table.documentId, table.period)],
);
