import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase, pgliteHandle } from "../../src/platform/db/index.js";
import { returnEmbeddedDatabase, takeEmbeddedDatabase } from "./embedded-databases.js";
import { withDatabaseName } from "./global-setup.js";

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and drops the database (server), or hands it back to be reset (embedded). */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a copy of the run's template, on PGlite or on the
 * PostgreSQL server depending on the Vitest project (KARVAN_TEST_DB). On PGlite the copy may be one
 * an earlier file of the worker used, reset to the template (embedded-databases.ts).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.KARVAN_TEST_DB === "postgres") {
    const url = inject("postgresUrl");
    const template = inject("postgresTemplate");
    if (!url || !template) throw new Error("KARVAN_TEST_POSTGRES_URL is not set");
    const name = `karvan_test_${randomBytes(6).toString("hex")}`;
    const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
    await admin.raw.query(`create database ${name} template ${template}`);
    await admin.close();
    const handle = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 5 });
    return {
      ...handle,
      async destroy() {
        await handle.close();
        const cleaner = await openDatabase({ databaseUrl: url, poolSize: 1 });
        await cleaner.raw.query(`drop database if exists ${name} with (force)`);
        await cleaner.close();
      },
    };
  }
  const client = await takeEmbeddedDatabase(() => new Blob([readFileSync(inject("pgliteTemplate"))]));
  return { ...pgliteHandle(client), destroy: () => returnEmbeddedDatabase(client) };
}
