import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type DatabaseHandle, driverConnection } from "../../src/platform/db/index.js";

/**
 * The statements a piece of work sends to the database, counted at the driver: on a PostgreSQL
 * server every `query` of a connection is one round trip (node-postgres waits for each answer
 * before it sends the next), BEGIN and COMMIT included; on PGlite every `query` and `exec`, and a
 * transaction as its BEGIN and COMMIT. Only the work inside `count` is counted, so what the server
 * runs besides a test (nothing, with jobs off) is not.
 */
export interface StatementCounter {
  count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
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
  let counting = false;
  const note = (text: string) => {
    if (counting) seen.push(text.replace(/\s+/g, " ").trim());
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
  if (connection instanceof pg.Pool) {
    // Every pooled client's queries, the pool's own `query` included, go through Client#query.
    wrap(pg.Client.prototype, "query", ([first]) => note(textOf(first)));
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
      counting = true;
      try {
        const result = await work();
        return { result, statements: [...seen] };
      } finally {
        counting = false;
      }
    },
    restore() {
      for (const restore of restores.reverse()) restore();
    },
  };
}
