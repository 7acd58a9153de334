import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";
import { defineConfig } from "vitest/config";
import { databaseTestFiles, testFilesUnder } from "./test/support/database-test-files.js";

/**
 * Unit and integration tests run on embedded PGlite and, when KARVAN_TEST_POSTGRES_URL is set (CI
 * sets it), the tests that open a database run once more on the PostgreSQL server; each test file
 * gets a database equal to one migrated template (on PGlite, possibly an earlier file's copy reset
 * to it and checked: ADR 0059). Browser tests (e2e/) drive Debian's Chromium, each file with its
 * own server and browser, side by side with the other tests.
 *
 * Test files share a worker's loaded modules (no isolation): importing Karvan once per worker instead
 * of once per file halves the CPU time of the run. Every file builds its own app and database, and
 * no test replaces a module, so nothing a file changes is seen by the next.
 *
 * Modules load through Node's own `import` with tsx stripping the types (in this process for the
 * global set-up, in the workers through `--import tsx`), not through Vite's module runner: every
 * worker of every project loads Karvan's ~1,200 modules, and the runner fetched each one from this
 * process. No test replaces a module, the one thing the runner would be needed for.
 */
register();
const root = fileURLToPath(new URL(".", import.meta.url));
const postgresUrl = process.env.KARVAN_TEST_POSTGRES_URL;
const unitFiles = ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One file more than cores: a file often waits on its database, server or browser (2-core
    // machine: 3 files took 449 s against 504 s for 2, and 4 took longer again).
    maxWorkers: availableParallelism() + 1,
    isolate: false,
    execArgv: ["--import", "tsx"],
    experimental: { viteModuleRunner: false, nodeLoader: false },
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
                // Long files whose SQL the server already runs in other files: the audit chain (its
                // sealing and anchors run here), the demo caseload (the embedded database is the
                // demo's), the form and API-body fuzzing (refused before any SQL), and page journeys
                // whose operations the server runs in their own tests (sign-in and sessions, roles).
                exclude: [
                  "src/modules/access/audit/verify-audit-trail.test.ts",
                  "src/demo/caseload/seed-demo-caseload.test.ts",
                  "test/fuzz-forms.test.ts",
                  "test/fuzz-api-bodies.test.ts",
                  "src/modules/access/auth/public-journeys.test.ts",
                  "src/modules/access/admin/admin.test.ts",
                  // Pages: they render what operations and repositories return, and those run
                  // on the server in their own tests.
                  "src/web/**",
                  "src/modules/*/workspace/**",
                  "src/modules/*/portal/**",
                  "src/modules/*/web/**",
                  "src/modules/*/catalogue/**",
                  "src/modules/*/pages/**",
                  "src/modules/*/*/pages/**",
                ],
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
