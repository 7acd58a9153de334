import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { anyOf, queryRows } from "./index.js";

describe("anyOf", () => {
  let handle: TestDatabase;
  const ids = Array.from({ length: 20_000 }, () => randomUUID());

  beforeAll(async () => {
    handle = await createTestDatabase();
    await handle.db.execute(sql`create table listed (id uuid primary key, code text not null)`);
    await handle.db.execute(sql`create index listed_code on listed (code)`);
    // Never analyzed, as a table that grew since autovacuum last came by.
    await handle.db.execute(
      sql`insert into listed select id::uuid, 'C' || ordinality from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) with ordinality as ids(id)`,
    );
  });
  afterAll(() => handle.destroy());

  it("finds exactly the listed values, as text or as uuid", async () => {
    const byId = await queryRows<{ code: string }>(
      handle.db,
      sql`select code from listed where id = ${anyOf([ids[4] as string, ids[19_999] as string], "uuid")} order by code`,
    );
    expect(byId.map((row) => row.code)).toEqual(["C20000", "C5"]);
    const byCode = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from listed where code = ${anyOf(["C7", "C-none"])}`,
    );
    expect(byCode.map((row) => row.id)).toEqual([ids[6]]);
    expect(await queryRows(handle.db, sql`select id from listed where code = ${anyOf([])}`)).toEqual([]);
  });

  it("is looked up in the column's index, not hashed from a scan of the whole table", async () => {
    const plan = await queryRows<{ "QUERY PLAN": string }>(
      handle.db,
      sql`explain select code from listed where id = ${anyOf(ids.slice(0, 500), "uuid")}`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index/);
    expect(text).not.toMatch(/Seq Scan on listed/);
  });
});
