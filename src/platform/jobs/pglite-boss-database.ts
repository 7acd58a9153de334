import type PgBoss from "pg-boss";
import type { RawSql } from "../db/index.js";

type QueryResult = { rows: Record<string, unknown>[] };

export interface PgBossDatabase extends PgBoss.Db {
  /** Waits for statements under way, then answers every later call with no rows. */
  close(): Promise<void>;
}

/**
 * pg-boss's `db` option over the embedded database, which has a single in-process connection.
 *
 * pg-boss (v10, src/*.js) calls `executeSql(text, values)` in two ways and reads the result as
 * node-postgres would return it:
 * - with values: one parameterised statement; it reads `rows` (and `rows[0].count` as text or number);
 * - without values: either one statement whose `rows` it reads (version, queues, schedules, clock),
 *   or several statements (schema install, migrations, maintenance wrapped in `BEGIN; ... COMMIT;`)
 *   whose result it ignores. node-postgres answers several statements with an array of results,
 *   one per statement, and one statement with a single result; so does this adapter.
 * PGlite's `query` takes parameters but one statement; its `exec` takes several statements without
 * parameters. `RawSql.exec` runs a `BEGIN; ... COMMIT;` text inside PGlite's transaction wrapper,
 * so a failure cannot leave the shared connection in an aborted transaction.
 */
export function pgliteBossDatabase(raw: RawSql): PgBossDatabase {
  let closed = false;
  const running = new Set<Promise<unknown>>();

  async function execute(text: string, values: unknown[] | undefined): Promise<unknown> {
    if (values !== undefined) {
      const result = await raw.query(text, values);
      return { rows: result.rows, rowCount: result.rowCount };
    }
    const results: QueryResult[] = await raw.exec(text);
    return results.length === 1 ? results[0] : results;
  }

  return {
    executeSql(text: string, values?: unknown[]) {
      // After stop, pg-boss's timers and worker loops may still ask once more; the database may
      // already be closed by then, so they get an empty answer, as pg-boss's own pool gives.
      if (closed) return Promise.resolve({ rows: [] });
      const pending = execute(text, values);
      running.add(pending);
      void pending.then(
        () => running.delete(pending),
        () => running.delete(pending),
      );
      return pending as Promise<{ rows: Record<string, unknown>[] }>;
    },
    async close() {
      closed = true;
      await Promise.allSettled([...running]);
    },
  };
}
