import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.js";
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

const onServer = process.env.KARVAN_TEST_DB === "postgres";

/**
 * Migrations run from nothing, twice without harm, and give the same schema on both databases.
 * The run's template is an embedded database migrated from nothing (test/support/global-setup.ts),
 * and the server project's test migrates one from nothing again: the embedded test starts from the
 * template's copy (migrating from nothing again took it past its time limit on a loaded machine).
 */
describe("migrations", () => {
  it.runIf(!onServer)(
    "apply to an empty embedded database (the run's template) and are idempotent",
    async () => {
      const handle = await createTestDatabase();
      try {
        const first = await schemaSignature(handle);
        await runMigrations(handle);
        expect(await schemaSignature(handle)).toEqual(first);
        expect(first).toContain("users.email:text:NO");
        expect(
          first.filter((line) => line.startsWith("audit_records:audit_records_append_only")),
        ).toHaveLength(2);
      } finally {
        await handle.destroy();
      }
    },
  );

  it.runIf(onServer)("give the PostgreSQL server exactly the schema the embedded database gets", async () => {
    const server = await createTestDatabase();
    const embedded = await openDatabase({});
    try {
      await runMigrations(server);
      await runMigrations(embedded);
      expect(await schemaSignature(server)).toEqual(await schemaSignature(embedded));
    } finally {
      await server.destroy();
      await embedded.close();
    }
  });
});
