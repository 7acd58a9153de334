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
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const pool = pipelinedPoolOf(db);
  if (!pool) return db.transaction(work);
  const client = await pool.connect();
  // Built as Drizzle builds its own transactions, from the database's session (Drizzle has no public accessor).
  const { dialect, schema, options } = (db as unknown as { session: SessionParts }).session;
  const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, schema, options), schema);
  let broken: Error | undefined;
  try {
    const [begun, done] = await Promise.allSettled([
      sentTogether(client, () => client.query("begin")),
      work(tx as unknown as Transaction),
    ]);
    try {
      if (begun.status === "rejected") throw begun.reason;
      if (done.status === "rejected") throw done.reason;
      await client.query("commit");
      return done.value;
    } catch (error) {
      await client.query("rollback").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    // A connection that could not even roll back is closed rather than handed to the next transaction.
    client.release(broken);
  }
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
