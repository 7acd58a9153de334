import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { withDatabaseName } from "../../../test/support/global-setup.js";
import { type DatabaseHandle, openDatabase, queryRows, runMigrations } from "./index.js";

async function schemaSignature(handle: DatabaseHandle): Promise<string[]> {
  const columns = await queryRows<{ line: string }>(
    handle.db,
    sql`select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable as line
        from information_schema.columns where table_schema = 'public' order by 1`,
  );
  const triggers = await queryRows<{ line: string }>(
    handle.db,
    sql`select event_object_table || ':' || trigger_name || ':' || event_manipulation as line
        from information_schema.triggers where trigger_schema = 'public' order by 1`,
  );
  return [...columns, ...triggers].map((row) => row.line);
}

/** Migrations run from nothing, twice without harm, and give the same schema on both databases. */
describe("migrations", () => {
  it("apply to an empty embedded database and are idempotent", async () => {
    const handle = await openDatabase({});
    try {
      await runMigrations(handle);
      const first = await schemaSignature(handle);
      await runMigrations(handle);
      expect(await schemaSignature(handle)).toEqual(first);
      expect(first).toContain("users.email:text:NO");
      expect(first.filter((line) => line.startsWith("audit_records:audit_records_append_only"))).toHaveLength(
        2,
      );
    } finally {
      await handle.close();
    }
  });

  it.runIf(process.env.KARVAN_TEST_DB === "postgres")(
    "give the PostgreSQL server exactly the schema the embedded database gets",
    async () => {
      const url = inject("postgresUrl") as string;
      const name = `karvan_migrate_${randomBytes(5).toString("hex")}`;
      const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
      await admin.raw.query(`create database ${name}`);
      const server = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 2 });
      const embedded = await openDatabase({});
      try {
        await runMigrations(server);
        await runMigrations(embedded);
        expect(await schemaSignature(server)).toEqual(await schemaSignature(embedded));
      } finally {
        await server.close();
        await embedded.close();
        await admin.raw.query(`drop database if exists ${name} with (force)`);
        await admin.close();
      }
    },
  );
});
