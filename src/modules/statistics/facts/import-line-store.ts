import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, driverConnection, type Queryable, queryRows } from "../../../platform/db/index.js";
import { copyLinesInto, copyValue } from "../cubes/copy-text.js";
import { cachedReferenceStore, type FirstLine, type ReferenceStore } from "../import/reference-store.js";

/** A first line as it reaches the table. */
interface StoredLine {
  file: string;
  id: string;
  line: number;
  value: string | null;
}

/** A first line as the table gives it back. */
interface FoundLine {
  key: string;
  line: number;
  value: string | null;
}

/** Where the table lives: a session of its own on a server, else the import's transaction. */
interface LineTable {
  lookup(keys: string): Promise<FoundLine[]>;
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
    lookup: async (keys) => (await client.query<FoundLine>(LOOKUP, [keys])).rows,
    insert: (lines) => {
      let text = "";
      // The key's tab, escaped as COPY text: file names hold nothing else to escape.
      for (const { file, id, line, value } of lines)
        text += `${file}\\t${copyValue(id)}\t${line}\t${copyValue(value)}\n`;
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
      queryRows<FoundLine>(
        tx,
        sql`select key, line, value from import_first_lines
          where key in (select json_array_elements_text(${keys}::json))`,
      ),
    insert: async (lines) => {
      const column = <T>(value: (line: StoredLine) => T) => sql.param(lines.map(value));
      // Awaited here: Drizzle runs a statement again each time its result is asked for.
      await tx.execute(sql`insert into import_first_lines (key, line, value)
        select * from unnest(${column((l) => tableKey(l.file, l.id))}::text[], ${column((l) => l.line)}::integer[],
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
  // By file, then id: a key of both made per lookup cost a new string for every id of every line.
  let reach = new Map<string, Map<string, FirstLine>>();
  const reachOf = (file: string) => {
    let lines = reach.get(file);
    if (lines === undefined) {
      lines = new Map();
      reach.set(file, lines);
    }
    return lines;
  };
  let added: StoredLine[] = [];
  let saved: Promise<unknown> = Promise.resolve();
  const store: ReferenceStore = {
    async load(keys) {
      const wanted = new Set<string>();
      for (const { file, id } of keys) {
        if (reach.get(file)?.has(id)) continue;
        wanted.add(tableKey(file, id));
      }
      await saved;
      if (wanted.size === 0) return;
      for (const row of await table.lookup(JSON.stringify([...wanted]))) {
        const tab = row.key.indexOf("\t");
        reachOf(row.key.slice(0, tab)).set(row.key.slice(tab + 1), {
          line: row.line,
          value: row.value === null ? null : JSON.parse(row.value),
        });
      }
    },
    get: (file, id) => reach.get(file)?.get(id),
    set(file, id, first) {
      reachOf(file).set(id, first);
      const value = first.value === null || first.value === undefined ? null : JSON.stringify(first.value);
      added.push({ file, id, line: first.line, value });
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
