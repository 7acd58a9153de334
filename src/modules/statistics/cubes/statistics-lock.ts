import { sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";

/**
 * One writer of the cubes at a time (the projection of changed cases, an import, a rebuild): a
 * person's contribution is read, recomputed and replaced, which two writers at once would each do
 * from the same old figures. Held until the transaction ends.
 */
export async function lockCubes(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('karvan.statistics.cubes', 0))`);
}

/** As `lockCubes`, but gives up at once when another writer holds it. */
export async function tryLockCubes(tx: Queryable): Promise<boolean> {
  const result = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtextextended('karvan.statistics.cubes', 0)) as locked`,
  )) as unknown as { rows: Array<{ locked: boolean }> };
  return result.rows[0]?.locked === true;
}
