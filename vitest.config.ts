import { defineConfig } from "vitest/config";

/**
 * Unit and integration tests run once on embedded PGlite and, when KARVAN_TEST_POSTGRES_URL is set
 * (CI sets it), once more on the PostgreSQL server; each test file gets its own fresh database.
 * Browser tests (e2e/) drive Debian's Chromium.
 */
const postgresUrl = process.env.KARVAN_TEST_POSTGRES_URL;
const unitFiles = ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: { name: "pglite", include: unitFiles, env: { KARVAN_TEST_DB: "pglite" } },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: { name: "postgres", include: unitFiles, env: { KARVAN_TEST_DB: "postgres" } },
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
          fileParallelism: false,
        },
      },
    ],
  },
});
