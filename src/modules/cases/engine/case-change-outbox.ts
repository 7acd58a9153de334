import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";

/**
 * Claims up to `limit` changed cases for a projection running behind the request, and removes
 * them from the outbox. Call it inside the transaction that applies the change: if that
 * transaction fails, the claim is rolled back and the cases are claimed again later. Rows other
 * workers hold are skipped, so several instances can share the work.
 */
export async function claimChangedCases(tx: Queryable, limit: number): Promise<string[]> {
  const rows = await queryRows<{ case_id: string }>(
    tx,
    sql`delete from case_change_outbox
        where position in (
          select position from case_change_outbox order by position limit ${limit} for update skip locked
        )
        returning case_id`,
  );
  return [...new Set(rows.map((row) => row.case_id))];
}

/** How many changes wait to be projected (the metrics and the statistics page show it). */
export async function countChangedCases(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from case_change_outbox`,
  );
  return row?.count ?? 0;
}

/** Empties the outbox (a projection rebuilt from all events has nothing left to catch up on). */
export async function clearChangedCases(tx: Queryable): Promise<void> {
  await tx.execute(sql`delete from case_change_outbox`);
}
