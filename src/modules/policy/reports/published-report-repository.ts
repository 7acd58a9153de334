import { desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import type { Locale } from "../../../platform/http/index.js";
import type { MonitoringReport } from "./monitoring-report.js";
import { policyPublishedReports } from "./schema.js";

export interface PublishedReport {
  id: string;
  documentId: string;
  period: string;
  title: string;
  publishedAt: Date;
}

export interface PublishedReportWithContent extends PublishedReport {
  reports: Record<Locale, MonitoringReport>;
}

const listed = {
  id: policyPublishedReports.id,
  documentId: policyPublishedReports.documentId,
  period: policyPublishedReports.period,
  title: policyPublishedReports.title,
  publishedAt: policyPublishedReports.publishedAt,
};

/** Stores a published report; one already published for the document and period is replaced. */
export async function savePublishedReport(
  db: Queryable,
  report: PublishedReportWithContent & { publishedBy: string },
): Promise<string> {
  const [row] = await db
    .insert(policyPublishedReports)
    .values(report)
    .onConflictDoUpdate({
      target: [policyPublishedReports.documentId, policyPublishedReports.period],
      set: {
        title: sql`excluded.title`,
        reports: sql`excluded.reports`,
        publishedBy: sql`excluded.published_by`,
        publishedAt: sql`excluded.published_at`,
      },
    })
    .returning({ id: policyPublishedReports.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function findPublishedReport(
  db: Queryable,
  id: string,
): Promise<PublishedReportWithContent | null> {
  const [row] = await db
    .select({ ...listed, reports: policyPublishedReports.reports })
    .from(policyPublishedReports)
    .where(eq(policyPublishedReports.id, id))
    .limit(1);
  return row ?? null;
}

/** Every published report, newest period first, without the reports themselves. */
export async function listPublishedReports(db: Queryable): Promise<PublishedReport[]> {
  return db
    .select(listed)
    .from(policyPublishedReports)
    .orderBy(desc(policyPublishedReports.period), policyPublishedReports.title);
}
