import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, driverConnection, type Queryable, queryRows } from "../../../platform/db/index.js";
import { copyLinesInto, copyValue } from "../cubes/copy-text.js";
import {
  cachedReferenceStore,
  type FirstLine,
  type ReferenceStore,
  storeKey,
} from "../import/reference-store.js";

interface StoredLine {
  key: string;
  line: number;
  value: string | null;
}

/** Where the table lives: a session of its own on a server, else the import's transaction. */
interface LineTable {
  lookup(keys: string): Promise<StoredLine[]>;
  insert(lines: readonly StoredLine[]): Promise<unknown>;
  close(): Promise<void>;
}

const TABLE = "import_first_lines (key, line, value)";
/** The keys travel as one JSON array: a single text parameter, whatever characters the ids hold. */
const LOOKUP = `select key, line, value from import_first_lines
  where key in (select json_array_elements_text($1::json))`;

/** The table's key of an id of a file (file names hold no tab). */
const tableKey = (file: string, id: string) => `${file}\t${id}`;

/**
 * On a server, a connection of its own: the lookups and the COPYs of first lines then run in a
 * second server process, beside the COPY of the records in the import's transaction, and do not wait
 * behind it. The table is scratch work that no rollback needs to undo; the session's end drops it.
 */
async function ownSessionTable(pool: pg.Pool): Promise<LineTable> {
  const client = new pg.Client(pool.options);
  await client.connect();
  try {
    await client.query(
      "create temporary table import_first_lines (key text primary key, line integer not null, value text)",
    );
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    lookup: async (keys) => (await client.query<StoredLine>(LOOKUP, [keys])).rows,
    insert: (lines) => {
      let text = "";
      for (const { key, line, value } of lines) text += `${copyValue(key)}\t${line}\t${copyValue(value)}\n`;
      return copyLinesInto(client, TABLE, text);
    },
    close: () => client.end(),
  };
}

/**
 * In the import's transaction (the embedded database has one connection), dropped with it. The
 * lines go in as array parameters: the embedded database reads a COPY's blob about twice as slowly.
 */
async function transactionTable(tx: Queryable): Promise<LineTable> {
  await tx.execute(sql`create temporary table import_first_lines (
      key text primary key, line integer not null, value text
    ) on commit drop`);
  return {
    lookup: (keys) =>
      queryRows<StoredLine>(
        tx,
        sql`select key, line, value from import_first_lines
          where key in (select json_array_elements_text(${keys}::json))`,
      ),
    insert: async (lines) => {
      const column = <T>(value: (line: StoredLine) => T) => sql.param(lines.map(value));
      // Awaited here: Drizzle runs a statement again each time its result is asked for.
      await tx.execute(sql`insert into import_first_lines (key, line, value)
        select * from unnest(${column((l) => l.key)}::text[], ${column((l) => l.line)}::integer[],
          ${column((l) => l.value)}::text[])`);
    },
    close: async () => {},
  };
}

/**
 * Runs `use` with the first lines of an import's ids in a temporary table: memory holds the keys of
 * one batch of lines, whatever the number of persons and applications, and each batch costs one
 * lookup and one insert (a COPY on a server) however many lines it has. A batch's insert runs while
 * the next batch is read; the next lookup waits for it.
 */
export async function withImportLineStore<T>(
  db: Database,
  tx: Queryable,
  use: (store: ReferenceStore) => Promise<T>,
): Promise<T> {
  const pool = driverConnection(db);
  const table = pool instanceof pg.Pool ? await ownSessionTable(pool) : await transactionTable(tx);
  let reach = new Map<string, FirstLine>();
  let added: StoredLine[] = [];
  let saved: Promise<unknown> = Promise.resolve();
  const store: ReferenceStore = {
    async load(keys) {
      const asked = new Set<string>();
      const wanted: string[] = [];
      for (const { file, id } of keys) {
        const key = storeKey(file, id);
        if (reach.has(key) || asked.has(key)) continue;
        asked.add(key);
        wanted.push(tableKey(file, id));
      }
      await saved;
      if (wanted.length === 0) return;
      for (const row of await table.lookup(JSON.stringify(wanted))) {
        const tab = row.key.indexOf("\t");
        reach.set(storeKey(row.key.slice(0, tab), row.key.slice(tab + 1)), {
          line: row.line,
          value: row.value === null ? null : JSON.parse(row.value),
        });
      }
    },
    get: (file, id) => reach.get(storeKey(file, id)),
    set(file, id, first) {
      reach.set(storeKey(file, id), first);
      const value = first.value === null || first.value === undefined ? null : JSON.stringify(first.value);
      added.push({ key: tableKey(file, id), line: first.line, value });
    },
    async save() {
      await saved;
      if (added.length > 0) {
        saved = table.insert(added);
        // Awaited by the next load, save or the end; until then its failure is not unhandled.
        saved.catch(() => {});
      }
      reach = new Map();
      added = [];
    },
  };
  try {
    // Most lookups are answered in memory; the table answers the rest (see cachedReferenceStore).
    const result = await use(cachedReferenceStore(store));
    await saved;
    return result;
  } finally {
    await table.close();
  }
}
