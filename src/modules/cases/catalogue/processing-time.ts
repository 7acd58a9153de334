import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";

/** How far back the catalogue looks for decided cases, and how many it needs to say anything. */
export const processingTimeWindowDays = 90;
export const minimumDecidedCases = 5;

export interface ProcessingTime {
  /** Cases of this type decided in the window. */
  decidedCases: number;
  /** Median days from submission to decision; null when there are too few cases to say. */
  medianDays: number | null;
}

/**
 * The real time Karvan's own cases took, from submission to decision, over the last
 * `processingTimeWindowDays` days: the median (half were decided sooner), computed by the
 * database from the case projection. Below `minimumDecidedCases` a median would mislead.
 */
export async function processingTimeOf(db: Queryable, typeCode: string, now: Date): Promise<ProcessingTime> {
  const since = new Date(now.getTime() - processingTimeWindowDays * 86_400_000);
  const [row] = await queryRows<{ decided: number; median_seconds: number | string | null }>(
    db,
    sql`select count(*)::int as decided,
               percentile_cont(0.5) within group (
                 order by extract(epoch from (decided_at - submitted_at))::float8
               ) as median_seconds
          from cases
         where type_code = ${typeCode}
           and submitted_at is not null
           and decided_at is not null
           and decided_at >= ${since.toISOString()}
           and decided_at <= ${now.toISOString()}`,
  );
  const decidedCases = row?.decided ?? 0;
  if (
    decidedCases < minimumDecidedCases ||
    row?.median_seconds === null ||
    row?.median_seconds === undefined
  ) {
    return { decidedCases, medianDays: null };
  }
  return { decidedCases, medianDays: Number(row.median_seconds) / 86_400 };
}
