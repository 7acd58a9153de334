import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";

/** Passes of this process's own projector that moved the cubes (the embedded database's only writer). */
let localChanges = 0;

/** Called once a projection pass that changed the cubes has committed. */
export function noteCubesChanged(): void {
  localChanges += 1;
}

/**
 * A value that changes whenever the cubes have changed: what a computed dashboard was made from
 * is then no longer current. On a PostgreSQL server it includes the server's own count of rows
 * written to the cubes, so that it also sees the projector thread, other instances, imports and
 * rebuilds (the server publishes that count within seconds of the commit). The embedded database
 * keeps no such count; there the only writer is this process's projector, which notes its passes.
 */
export async function cubeChangeToken(db: Queryable): Promise<string> {
  const [row] = await queryRows<{ written: string | null }>(
    db,
    sql`select (pg_stat_get_tuples_inserted(c) + pg_stat_get_tuples_updated(c)
          + pg_stat_get_tuples_deleted(c))::text as written
        from to_regclass('stat_cube') as c`,
  );
  return `${localChanges}:${row?.written ?? ""}`;
}
