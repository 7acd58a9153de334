import type { Socket } from "node:net";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { type Database, pipelinedPoolOf, type Transaction } from "./client.js";

type SessionParts = {
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  schema: ConstructorParameters<typeof NodePgSession>[2];
  options: ConstructorParameters<typeof NodePgSession>[3];
};

/**
 * A transaction whose statements travel to the PostgreSQL server together when `work` issues them
 * without awaiting one another (a pipelined connection, node-postgres's `pipeline` mode): BEGIN
 * goes with the statements `work` issues before its first await, and each further batch issued
 * together costs one round trip instead of one each. The server still runs them one after the
 * other, each once the one before it has finished (a statement waiting for a lock holds back the
 * ones behind it), so each takes its snapshot after the earlier ones' locks are held. When one
 * fails, the ones behind it fail too (the transaction is aborted), and the transaction is rolled
 * back once `work` has settled. On the embedded database, an ordinary transaction. (BEGIN itself
 * fails only with its connection, which then fails the statements behind it as well.)
 */
export async function pipelinedTransaction<T>(
  db: Database,
  work: (tx: Transaction, pipeline: TransactionPipeline) => Promise<T>,
): Promise<T> {
  const pool = pipelinedPoolOf(db);
  if (!pool) return db.transaction((tx) => work(tx, { commitWithNextStatement: () => undefined }));
  const client = await pool.connect();
  // Built as Drizzle builds its own transactions, from the database's session (Drizzle has no public accessor).
  const { dialect, schema, options } = (db as unknown as { session: SessionParts }).session;
  const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, schema, options), schema);
  const commit = commitBehind(client);
  let broken: Error | undefined;
  try {
    const [begun, done] = await Promise.allSettled([
      sentTogether(client, () => client.query("begin")),
      work(tx as unknown as Transaction, commit),
    ]);
    const sent = commit.sent();
    try {
      if (begun.status === "rejected") throw begun.reason;
      if (done.status === "rejected") throw done.reason;
      const committed = await (sent ?? client.query("commit"));
      // A transaction aborted by a statement whose failure the work did not await ends at COMMIT as a ROLLBACK.
      if (committed.command !== "COMMIT") throw new Error("the transaction was rolled back at its COMMIT");
      return done.value;
    } catch (error) {
      if (sent) {
        // The COMMIT went with the last statement: a failed statement made it a ROLLBACK.
        await sent.catch((commitError: Error) => {
          broken = commitError;
        });
      } else {
        await client.query("rollback").catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    }
  } finally {
    commit.restore();
    // A connection that could not even roll back is closed rather than handed to the next transaction.
    client.release(broken);
  }
}

/** What a pipelined transaction's work may ask of its connection. */
export interface TransactionPipeline {
  /**
   * Sends COMMIT right behind the next statement the work issues, in the same round trip, instead
   * of after the work has finished: the transaction's last round trip carries its last statement
   * and its COMMIT. The work must issue no statement after that one, and must not fail once that
   * statement has answered, since the transaction is committed then. A statement of the
   * transaction that fails aborts it, and COMMIT then ends it as a ROLLBACK. When no statement
   * follows the call, the transaction commits after the work as usual. On the embedded database,
   * nothing: the transaction commits after the work.
   */
  commitWithNextStatement(): void;
}

/**
 * `TransactionPipeline` on a pipelined connection: its `query` sends COMMIT right behind the first
 * statement issued after the call, in issue order (node-postgres sends a pipelined connection's
 * statements in the order they are issued). `restore` gives the connection its own `query` back.
 */
function commitBehind(client: pg.PoolClient) {
  const own = client as unknown as { query?: unknown };
  const query = client.query as (this: pg.PoolClient, ...args: unknown[]) => unknown;
  const ownQuery = Object.hasOwn(own, "query") ? own.query : undefined;
  let armed = false;
  let sent: Promise<pg.QueryResult> | undefined;
  own.query = function (this: pg.PoolClient, ...args: unknown[]) {
    const result = query.apply(this, args);
    if (armed) {
      armed = false;
      sent = query.call(this, "commit") as Promise<pg.QueryResult>;
      // Read once the work has settled; a connection lost before then must not be an unhandled rejection.
      sent.catch(() => undefined);
    }
    return result;
  };
  return {
    commitWithNextStatement() {
      if (!sent) armed = true;
    },
    sent: () => {
      armed = false;
      return sent;
    },
    restore() {
      if (ownQuery === undefined) delete own.query;
      else own.query = ownQuery;
    },
  };
}

/**
 * Holds the connection's writes from `first` until everything issued without awaiting I/O has been
 * issued (the statements `work` sends before its first await, through Drizzle's promise chains),
 * then writes them to the socket at once. node-postgres writes each statement as it is issued, one
 * system call each; on the 2-core virtual machine of the benchmarks such writes took a fifth of the
 * event loop's time in paced stay registrations, about 0.1 ms each. The socket is node-postgres's
 * `connection.stream`, which it does not document (its version is pinned).
 */
function sentTogether<T>(client: pg.PoolClient, first: () => T): T {
  const { stream } = (client as unknown as { connection: { stream: Socket } }).connection;
  stream.cork();
  // The check phase comes after every pending microtask and nextTick: all that was issued together.
  setImmediate(() => stream.uncork());
  return first();
}
