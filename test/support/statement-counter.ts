import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type DatabaseHandle, driverConnection } from "../../src/platform/db/index.js";

/**
 * The statements a piece of work sends to the database, counted at the driver: on a PostgreSQL
 * server every `query` of a connection, BEGIN and COMMIT included; on PGlite every `query` and
 * `exec`, and a transaction as its BEGIN and COMMIT. Only the work inside `count` is counted, so
 * what the server runs besides a test (nothing, with jobs off) is not.
 *
 * `roundTrips` (on a server; null on PGlite, which has no network): the times the work waited for
 * the server. A connection sends a statement once the one before it is answered, except a pipelined
 * connection (see `pipelinedTransaction`): a statement issued on it while an earlier one is still
 * unanswered travels behind it and adds no wait.
 */
export interface StatementCounter {
  count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; roundTrips: number | null }>;
  restore(): void;
}

type Query = (...args: unknown[]) => unknown;

function textOf(first: unknown): string {
  if (typeof first === "string") return first;
  if (first && typeof first === "object" && "text" in first) return String(first.text);
  return String(first);
}

export function countStatements(database: Pick<DatabaseHandle, "db">): StatementCounter {
  const seen: string[] = [];
  let trips: number | null = null;
  let counting = false;
  const note = (text: string, newTrip = true) => {
    if (!counting) return;
    seen.push(text.replace(/\s+/g, " ").trim());
    if (newTrip && trips !== null) trips += 1;
  };
  const restores: Array<() => void> = [];
  const wrap = <Owner extends object>(owner: Owner, method: string, before: (args: unknown[]) => void) => {
    const target = owner as unknown as Record<string, Query>;
    const original = target[method] as Query;
    const own = Object.hasOwn(owner, method);
    target[method] = function (this: unknown, ...args: unknown[]) {
      before(args);
      return original.apply(this, args);
    };
    restores.push(() => {
      if (own) target[method] = original;
      else delete target[method];
    });
  };
  const connection = driverConnection(database.db);
  let countsTrips = false;
  if (connection instanceof pg.Pool) {
    // Every pooled client's queries, the pool's own `query` included, go through Client#query.
    countsTrips = true;
    const unanswered = new WeakMap<object, number>();
    const target = pg.Client.prototype as unknown as Record<string, Query>;
    const original = target.query as Query;
    target.query = function (this: pg.Client, ...args: unknown[]) {
      const waiting = unanswered.get(this) ?? 0;
      note(textOf(args[0]), !(this.pipeline && waiting > 0));
      const result = original.apply(this, args);
      if (this.pipeline && result instanceof Promise) {
        unanswered.set(this, waiting + 1);
        const answered = () => unanswered.set(this, (unanswered.get(this) ?? 1) - 1);
        result.then(answered, answered);
      }
      return result;
    };
    restores.push(() => {
      target.query = original;
    });
  } else if (connection instanceof PGlite) {
    wrap(connection, "query", ([first]) => note(textOf(first)));
    wrap(connection, "exec", ([first]) => note(textOf(first)));
    const target = connection as unknown as Record<string, Query>;
    const transaction = target.transaction as Query;
    target.transaction = async function (this: unknown, callback: unknown) {
      note("begin");
      const result = await transaction.call(this, async (tx: Record<string, Query>) => {
        for (const method of ["query", "exec"] as const) {
          const original = tx[method] as Query;
          tx[method] = (...args: unknown[]) => {
            note(textOf(args[0]));
            return original.apply(tx, args);
          };
        }
        return (callback as (tx: unknown) => Promise<unknown>)(tx);
      });
      note("commit");
      return result;
    };
    restores.push(() => {
      delete target.transaction;
    });
  } else {
    throw new Error("statements are counted on PGlite or a node-postgres pool");
  }
  return {
    async count(work) {
      seen.length = 0;
      trips = countsTrips ? 0 : null;
      counting = true;
      try {
        const result = await work();
        return { result, statements: [...seen], roundTrips: trips };
      } finally {
        counting = false;
      }
    },
    restore() {
      for (const restore of restores.reverse()) restore();
    },
  };
}
