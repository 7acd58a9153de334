import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { statementName } from "./client.js";
import { queryRows, queryRowsPrepared } from "./index.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("statementName", () => {
  const hashed = (text: string) => `karvan_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;

  it("names each text by its hash, whether remembered or not", () => {
    // Texts drawn from a small pool come back often; more texts than the memory holds clear it.
    const texts = fc.array(fc.oneof(fc.constantFrom("select 1", "select 2", "select $1"), fc.string()), {
      maxLength: 1_500,
    });
    fc.assert(
      fc.property(texts, (drawn) => {
        for (const text of drawn) expect(statementName(text)).toBe(hashed(text));
      }),
      { numRuns: 20 },
    );
  });
});

describe("queryRowsPrepared", () => {
  beforeAll(async () => {
    await database.raw.exec("create table prepared_probe (id int primary key, at timestamptz, on_day date)");
  });

  const probe = (id: number) =>
    sql`select id, at, on_day, pg_typeof(at)::text as type from prepared_probe where id = ${id}`;

  it("reads the rows queryRows reads, dates and timestamps as the server's text", async () => {
    await database.raw.query(
      "insert into prepared_probe values (1, '2026-05-17T08:00:00Z', '2026-05-17') on conflict do nothing",
    );
    const plain = await queryRows<{ at: unknown; on_day: unknown }>(database.db, probe(1));
    // Twice: on a server, the second run reuses the connection's named statement.
    expect(await queryRowsPrepared(database.db, probe(1))).toEqual(plain);
    expect(await queryRowsPrepared(database.db, probe(1))).toEqual(plain);
    expect(typeof plain[0]?.at).toBe("string");
    expect(plain[0]?.on_day).toBe("2026-05-17");
  });

  it("runs inside the caller's transaction, seeing what it wrote and not yet committed", async () => {
    const inside: unknown[] = [];
    const rollBack = new Error("roll back");
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into prepared_probe values (3, now(), '2026-01-01')`);
        inside.push(...(await queryRowsPrepared(tx, probe(3))));
        throw rollBack;
      }),
    ).rejects.toBe(rollBack);
    expect(inside).toEqual([expect.objectContaining({ id: 3 })]);
    expect(await queryRowsPrepared(database.db, probe(3))).toEqual([]);
  });
});

describe.runIf(process.env.KARVAN_TEST_DB === "postgres")("a connection lost inside a transaction", () => {
  it("fails the transaction, does not crash the process, and is not handed out again", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
      }),
    ).rejects.toThrow();
    // Every connection of the pool, one after the other: the lost one was dropped, not reused.
    for (let index = 0; index < 12; index++) {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
      });
    }
  });
});
