import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { databaseTestFiles, testFilesUnder } from "./test/support/database-test-files.js";

/**
 * Unit and integration tests run on embedded PGlite and, when KARVAN_TEST_POSTGRES_URL is set (CI
 * sets it), the tests that open a database run once more on the PostgreSQL server; each test file
 * gets its own fresh copy of one migrated template database. Browser tests (e2e/) drive Debian's
 * Chromium, each file with its own server and browser, side by side with the other tests.
 *
 * Test files share a worker's loaded modules (no isolation): importing Karvan once per worker instead
 * of once per file halves the CPU time of the run. Every file builds its own app and database, and
 * no test replaces a module, so nothing a file changes is seen by the next.
 */
const root = fileURLToPath(new URL(".", import.meta.url));
const postgresUrl = process.env.KARVAN_TEST_POSTGRES_URL;
const unitFiles = ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two files per core: a file mostly waits on its database, its server or its browser, so with one
    // file per core the cores stood idle a third of the time (2-core machine: 12 CPU-min in 9 min).
    maxWorkers: availableParallelism() * 2,
    isolate: false,
    projects: [
      {
        extends: true as const,
        test: { name: "pglite", include: unitFiles, env: { KARVAN_TEST_DB: "pglite" } },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: databaseTestFiles(root, testFilesUnder(root, ["src", "test", "scripts"])),
                env: { KARVAN_TEST_DB: "postgres" },
              },
            },
          ]
        : []),
      {
        extends: true as const,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          env: { KARVAN_TEST_DB: "pglite" },
          testTimeout: 120_000,
        },
      },
    ],
  },
});
