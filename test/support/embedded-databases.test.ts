import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, inject, it } from "vitest";
import { returnEmbeddedDatabase, takeEmbeddedDatabase } from "./embedded-databases.js";

const template = () => new Blob([readFileSync(inject("pgliteTemplate"))]);

/** Every row of every table and every sequence's position, read directly. */
async function contentsOf(client: PGlite): Promise<Record<string, string[]>> {
  const contents: Record<string, string[]> = {};
  const tables = await client.query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1`,
  );
  for (const { name } of tables.rows) {
    const rows = await client.query<{ row: string }>(`select t::text as row from ${name} t order by 1`);
    contents[name] = rows.rows.map((row) => row.row);
  }
  const sequences = await client.query<{ name: string }>(
    `select format('%I.%I', schemaname, sequencename) as name from pg_sequences order by 1`,
  );
  for (const { name } of sequences.rows) {
    const position = await client.query<{ row: string }>(
      `select (last_value, is_called)::text as row from ${name}`,
    );
    contents[name] = position.rows.map((row) => row.row);
  }
  return contents;
}

describe("embedded test databases handed from one test file to the next", () => {
  const fresh = PGlite.create({ loadDataDir: template() });
  afterAll(async () => (await fresh).close());

  it("gives back a written database holding exactly what a fresh copy holds", async () => {
    const used = await takeEmbeddedDatabase(template);
    await used.exec(`
      update agencies set name_en = 'Renamed' where code = (select min(code) from agencies);
      delete from granted_permission_defaults where ctid = (select min(ctid) from granted_permission_defaults);
      insert into audit_records (actor_type, action, outcome) values ('system', 'test.written', 'ok');
      select nextval('case_number_seq');
      create temporary table scratch (note text);
      prepare listed as select 1;
      set statement_timeout = 1234;
    `);
    // A file that stops in the middle of a transaction.
    await used.exec(
      "begin; insert into audit_records (actor_type, action, outcome) values ('system', 'open', 'ok')",
    );

    await returnEmbeddedDatabase(used);
    const next = await takeEmbeddedDatabase(template);

    expect(next).toBe(used);
    expect(await contentsOf(next)).toEqual(await contentsOf(await fresh));
    expect((await next.query("select current_setting('statement_timeout') as value")).rows).toEqual([
      { value: "0" },
    ]);
    await expect(next.query("execute listed")).rejects.toThrow(/prepared statement "listed" does not exist/);
    await returnEmbeddedDatabase(next);
  });

  it("closes a database whose schema a test changed, and the next file gets another", async () => {
    const used = await takeEmbeddedDatabase(template);
    await used.exec("create table probe (id int)");

    await returnEmbeddedDatabase(used);
    const next = await takeEmbeddedDatabase(template);

    expect(used.closed).toBe(true);
    expect(next).not.toBe(used);
    expect(await contentsOf(next)).toEqual(await contentsOf(await fresh));
    await returnEmbeddedDatabase(next);
  });

  it("does not hand out a database written to after it was handed back", async () => {
    const used = await takeEmbeddedDatabase(template);
    await returnEmbeddedDatabase(used);
    // What a finished file's unfinished work would do.
    await used.exec(
      "insert into audit_records (actor_type, action, outcome) values ('system', 'late', 'ok')",
    );

    const next = await takeEmbeddedDatabase(template);

    expect(next).not.toBe(used);
    expect(used.closed).toBe(true);
    await returnEmbeddedDatabase(next);
  });

  it("closes a database whose trigger a test switched off", async () => {
    const used = await takeEmbeddedDatabase(template);
    const [trigger] = (
      await used.query<{ name: string; table: string }>(
        `select tgname as name, tgrelid::regclass::text as table from pg_trigger where not tgisinternal limit 1`,
      )
    ).rows;
    if (!trigger) throw new Error("the template has no trigger");
    await used.exec(`alter table ${trigger.table} disable trigger "${trigger.name}"`);

    await returnEmbeddedDatabase(used);

    expect(used.closed).toBe(true);
  });
});
