import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** The query interface every repository uses; identical on PGlite and on a PostgreSQL server. */
export type Database = PgDatabase<PgQueryResultHKT>;

/** A transaction handle; repositories accept either a Database or a Transaction. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Queryable = Database | Transaction;

export type DatabaseKind = "pglite" | "postgres";

/** Plain SQL access for infrastructure that is not written with Drizzle (pg-boss, backups, tests). */
export interface RawSql {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
  /** Runs several statements without parameters and returns the rows of each. */
  exec(text: string): Promise<Array<{ rows: Record<string, unknown>[] }>>;
}

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Database;
  raw: RawSql;
  /** Where the embedded database keeps its files; undefined on a server. */
  dataDir: string | undefined;
  /** The server's connection string (pg-boss opens its own pool with it); undefined when embedded. */
  url?: string | undefined;
  /** Embedded only: a consistent tarball of the whole data folder (for backups and test templates). */
  dumpDataDir?: (compression: "none" | "gzip") => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; omitted means in memory. */
  pgliteDir?: string | undefined;
  /** Embedded database to start from (a dump made by dumpDataDir), used by tests. */
  pgliteLoadDataDir?: Blob | File | undefined;
  /** Extra initdb arguments for a new embedded database (the tests' template sets a small WAL). */
  pgliteInitDbArgs?: string[] | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 20);
  return openPglite(options);
}

async function openPglite({
  pgliteDir: dir,
  pgliteLoadDataDir: loadDataDir,
  pgliteInitDbArgs: initDbArgs,
}: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (dir) mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    ...(initDbArgs ? { initDbStartParams: initDbArgs } : {}),
  });
  return pgliteHandle(client, dir);
}

/** The handle over an embedded database that is already open (tests reuse one between files). */
export function pgliteHandle(client: PGlite, dir?: string): DatabaseHandle {
  const raw: RawSql = {
    async query<Row>(text: string, values: unknown[] = []) {
      const result = await client.query<Row>(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(text: string) {
      // A text that opens and commits its own transaction (pg-boss's locked commands) runs inside
      // PGlite's transaction wrapper instead: if a statement fails, the ROLLBACK happens before any
      // other query may use the single connection, which would otherwise be left in an aborted
      // transaction.
      const ownTransaction = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/i.exec(text)?.[1];
      const results =
        ownTransaction !== undefined
          ? await client.transaction((tx) => tx.exec(ownTransaction))
          : await client.exec(text);
      return results.map((result) => ({ rows: result.rows as Record<string, unknown>[] }));
    },
  };
  return {
    kind: "pglite",
    db: drizzlePglite(client) as unknown as Database,
    raw,
    dataDir: dir,
    dumpDataDir: (compression) => client.dumpDataDir(compression),
    close: () => client.close(),
  };
}

/** Connections for `pipelinedTransaction`, by database: few transactions run that way at once. */
const pipelinedPoolSize = 4;
const pipelinedPools = new WeakMap<object, pg.Pool>();

/** The pool of pipelined connections opened with this database (none for the embedded one). */
export function pipelinedPoolOf(db: Database): pg.Pool | undefined {
  return pipelinedPools.get(db);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const pipelined = new pg.Pool({ connectionString: url, max: pipelinedPoolSize, pipeline: true });
  // An idle connection closed by the server (restart, failover, a dropped test database) must not
  // crash the process: the pool replaces it on the next query.
  let closing = false;
  for (const one of [pool, pipelined]) {
    one.on("error", (error) => {
      if (!closing) process.stderr.write(`database: idle connection closed (${error.message})\n`);
    });
    // Nor must one lost while a transaction holds it (the pool listens only to idle ones): its
    // statements fail with the error, and the pool drops the connection when it is released.
    one.on("connect", (client) => client.on("error", () => undefined));
  }
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const raw: RawSql = {
    async query<Row>(text: string, values: unknown[] = []) {
      const result = await pool.query(text, values);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(text: string) {
      const result = (await pool.query(text)) as pg.QueryResult | pg.QueryResult[];
      const results = Array.isArray(result) ? result : [result];
      return results.map((one) => ({ rows: one.rows as Record<string, unknown>[] }));
    },
  };
  const db = drizzlePostgres(pool) as unknown as Database;
  pipelinedPools.set(db, pipelined);
  return {
    kind: "postgres",
    db,
    raw,
    dataDir: undefined,
    url,
    close: async () => {
      closing = true;
      await Promise.all([pool.end(), pipelined.end()]);
    },
  };
}

/**
 * Runs raw SQL through Drizzle and returns its rows; the same shape on both drivers. Cast counts
 * and sums in SQL (`::int`), since a PostgreSQL server returns bigint as text.
 */
export async function queryRows<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * The driver's connection a Drizzle database or transaction runs on: a database's is public
 * (`$client`); Drizzle has no public accessor for a transaction's, which it keeps as
 * `session.client`. The one place Karvan reaches for it, for what Drizzle does not offer: named
 * statements and COPY.
 */
export function driverConnection(db: Queryable): unknown {
  if ("$client" in db) return db.$client;
  return (db as unknown as { session: { client: unknown } }).session.client;
}

const dialect = new PgDialect();

/** The value types Drizzle hands over as the server's text, so both ways of querying agree. */
const keptAsText = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1115, // timestamp[]
  1182, // date[]
  1185, // timestamptz[]
  1187, // interval[]
  1231, // numeric[]
]);
const asDrizzleReads = {
  getTypeParser: ((typeId: number, format?: "text" | "binary") =>
    keptAsText.has(typeId) ? (value: string) => value : pg.types.getTypeParser(typeId, format)) as never,
};

/** The texts most recently named: hashing the text on every run took about 1.5 % of a stay registration's CPU time. */
const namedTexts = new Map<string, string>();
const namedTextsLimit = 1_000;

/** The name of a statement's text on every connection: a hash of the text, so each distinct text gets its own. */
export function statementName(text: string): string {
  const known = namedTexts.get(text);
  if (known !== undefined) return known;
  const name = `karvan_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
  if (namedTexts.size >= namedTextsLimit) namedTexts.clear();
  namedTexts.set(text, name);
  return name;
}

/**
 * `queryRows` for a statement run again and again on the request path (API authentication, case
 * creation): on a PostgreSQL server it becomes a node-postgres named statement, so each connection
 * parses and plans it once instead of every time (about two thirds of the server's work for a
 * stay registration). The name comes from the text, so each distinct text gets its own statement.
 * PGlite runs it as `queryRows` does.
 */
export async function queryRowsPrepared<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  const connection = driverConnection(db);
  if (!(connection instanceof pg.Pool || connection instanceof pg.Client)) return queryRows(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const result = await connection.query({
    name: statementName(text),
    text,
    values: params,
    types: asDrizzleReads,
  });
  return result.rows as Row[];
}
