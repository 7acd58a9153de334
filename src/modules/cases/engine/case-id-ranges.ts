import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";

/** Cases with ids after `after` (null: from the first) and up to `upTo` (null: to the last). */
export interface CaseIdRange {
  after: string | null;
  upTo: string | null;
}

/**
 * Every case split into `parts` ranges of about as many cases each, in id order (fewer cases than
 * parts: one range), so that each range's histories (`historiesAfter`) can be replayed by its own
 * worker: how the statistics rebuild shares out its replay.
 */
export async function caseIdRanges(db: Queryable, parts: number): Promise<CaseIdRange[]> {
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from cases`);
  const total = count?.n ?? 0;
  const bounds: Array<string | null> = [null];
  for (let part = 1; part < parts && total >= parts; part += 1) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`select id from cases order by id offset ${Math.floor((total * part) / parts) - 1} limit 1`,
    );
    if (row) bounds.push(row.id);
  }
  return bounds.map((after, index) => ({ after, upTo: bounds[index + 1] ?? null }));
}
