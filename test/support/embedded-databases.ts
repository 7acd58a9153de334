import { PGlite } from "@electric-sql/pglite";

/**
 * The embedded databases of one test worker. A test file that is done hands its database back; it
 * is emptied back to the template's state and given to the next file of the worker, instead of
 * unpacking the template into a new PGlite again (on the 2-core machine a new copy took a median of
 * 0.84 s of CPU inside the test run, a reset takes a tenth of that).
 *
 * A database goes back into use only when, after the reset, it provably equals the template: every
 * table's rows and every sequence's position match what a fresh copy held, and no catalog changed
 * (a test that created a table, a role or a function, or left a temporary table, gets its database
 * thrown away). Whatever the reset cannot prove equal is closed, and the next file gets a fresh copy.
 * The proof is repeated when the database is handed out, in case a finished file's unfinished work
 * wrote to it in between.
 */

/** What a fresh copy of the template holds, read once per worker from its first copy. */
interface TemplateState {
  /** Every ordinary table outside PostgreSQL's own schemas, quoted. */
  tables: string[];
  /** The rows of the tables that are not empty in the template, as COPY text. */
  seededRows: Map<string, Blob>;
  /** Every sequence, quoted, with its position. */
  sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>;
  /** The catalogs' and the data's fingerprint; a reset database must show the same. */
  fingerprint: string;
}

const idle: PGlite[] = [];
let templateState: Promise<TemplateState> | undefined;

/** A database equal to the template: one handed back by an earlier file, or a fresh copy. */
export async function takeEmbeddedDatabase(templateFile: () => Blob): Promise<PGlite> {
  const template = await templateState;
  if (template) {
    for (let reused = idle.pop(); reused; reused = idle.pop()) {
      // Checked again when handed out: work that a finished file left running may have written since.
      if ((await fingerprintOf(reused, template)) === template.fingerprint) return reused;
      await reused.close();
    }
  }
  const client = await PGlite.create({ loadDataDir: templateFile() });
  // The first copy of the worker is read before any test writes to it.
  templateState ??= readTemplateState(client);
  await templateState;
  return client;
}

/** Takes a database back from a finished test file: reset for the next one, or closed. */
export async function returnEmbeddedDatabase(client: PGlite): Promise<void> {
  if (client.closed) return;
  const template = await templateState;
  if (template && (await resetToTemplate(client, template))) {
    idle.push(client);
    return;
  }
  await client.close();
}

async function readTemplateState(client: PGlite): Promise<TemplateState> {
  const tables = (
    await client.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_%'
        order by 1`,
    )
  ).rows.map((row) => row.name);
  const seededRows = new Map<string, Blob>();
  for (const table of await nonEmptyTables(client, tables)) {
    const copied = await client.query(`copy ${table} to '/dev/blob'`);
    if (!copied.blob) throw new Error(`the template's rows of ${table} could not be copied`);
    seededRows.set(table, copied.blob);
  }
  const names = (
    await client.query<{ name: string }>(
      `select format('%I.%I', schemaname, sequencename) as name from pg_sequences order by 1`,
    )
  ).rows.map((row) => row.name);
  const sequences = [];
  for (const name of names) {
    const [position] = (
      await client.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from ${name}`,
      )
    ).rows;
    if (!position) throw new Error(`the sequence ${name} has no position`);
    sequences.push({ name, lastValue: position.last_value, isCalled: position.is_called });
  }
  const state = { tables, seededRows, sequences, fingerprint: "" };
  state.fingerprint = await fingerprintOf(client, state);
  return state;
}

async function resetToTemplate(client: PGlite, template: TemplateState): Promise<boolean> {
  try {
    // A file may stop inside a transaction; ROLLBACK outside one only warns.
    await client.exec("rollback");
    // Temporary tables, prepared statements, session settings, advisory locks, listeners.
    await client.exec("discard all");
    const written = await nonEmptyTables(client, template.tables);
    const emptied = [...new Set([...written, ...template.seededRows.keys()])];
    await client.transaction(async (tx) => {
      // Without triggers: the audit trail refuses TRUNCATE, and the template's rows go back as
      // they were, without the checks and stamps a new row gets.
      await tx.exec("set local session_replication_role = replica");
      if (emptied.length > 0) await tx.exec(`truncate ${emptied.join(", ")} cascade`);
      for (const [table, rows] of template.seededRows) {
        await tx.query(`copy ${table} from '/dev/blob'`, [], { blob: rows });
      }
      for (const sequence of template.sequences) {
        await tx.query("select setval($1::regclass, $2::bigint, $3)", [
          sequence.name,
          sequence.lastValue,
          sequence.isCalled,
        ]);
      }
    });
    return (await fingerprintOf(client, template)) === template.fingerprint;
  } catch {
    return false;
  }
}

async function nonEmptyTables(client: PGlite, tables: string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const probes = tables.map(
    (table) => `select ${quoteLiteral(table)} as name where exists (select from ${table})`,
  );
  return (await client.query<{ name: string }>(probes.join(" union all "))).rows.map((row) => row.name);
}

/**
 * One text that changes when any catalog or any row changes. Catalog rows are compared by count and
 * by the newest transaction that wrote one, with two exceptions. pg_class's rows are compared by
 * what defines a relation, because TRUNCATE rewrites them (a new file for each relation). The
 * session's schemas for temporary tables are left out of pg_namespace: PostgreSQL creates them on
 * the first temporary table and keeps them, empty, after DISCARD ALL has dropped their tables (which
 * the other catalogs prove). Planner statistics are left out too: they never change an answer.
 */
async function fingerprintOf(client: PGlite, template: Omit<TemplateState, "fingerprint">): Promise<string> {
  const catalogs = (
    await client.query<{ name: string }>(
      `select relname as name from pg_class
        where relnamespace = 'pg_catalog'::regnamespace and relkind = 'r'
          and relname not in ('pg_class', 'pg_namespace', 'pg_statistic', 'pg_statistic_ext_data')
        order by 1`,
    )
  ).rows.map((row) => row.name);
  const parts = [
    ...catalogs.map(
      (catalog) =>
        `select 'catalog ${catalog}' as part, count(*)::text || ' ' || coalesce(max(xmin::text::bigint), 0)::text as value from pg_catalog.${catalog}`,
    ),
    `select 'catalog pg_namespace', count(*)::text || ' ' || coalesce(max(xmin::text::bigint), 0)::text
       from pg_namespace where nspname not like 'pg\\_temp\\_%' and nspname not like 'pg\\_toast\\_temp\\_%'`,
    `select 'catalog pg_class', md5(string_agg(concat_ws(' ', oid, relname, relnamespace, reltype, relowner,
       relam, relkind, relnatts, relchecks, relhasrules, relhastriggers, relhassubclass, relrowsecurity,
       relforcerowsecurity, relpersistence, relreplident, relispartition, relacl, reloptions), ',' order by oid))
       from pg_class`,
    ...template.tables.map(
      (table) =>
        `select ${quoteLiteral(`rows ${table}`)}, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${table} t`,
    ),
    ...template.sequences.map(
      (sequence) =>
        `select ${quoteLiteral(`sequence ${sequence.name}`)}, last_value::text || ' ' || is_called::text from ${sequence.name}`,
    ),
  ];
  const rows = (await client.query<{ part: string; value: string }>(parts.join(" union all "))).rows;
  return rows.map((row) => `${row.part}=${row.value}`).join("\n");
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
