import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildKarvan, dataPaths, type Karvan } from "../../src/app.js";
import { seedDemoUsers } from "../../src/demo/index.js";
import type { CaseTypeInput } from "../../src/modules/cases/index.js";
import { type Clock, systemClock } from "../../src/platform/clock/index.js";
import { loadConfig } from "../../src/platform/config/index.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.js";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningKarvan {
  karvan: Karvan;
  baseUrl: string;
  outboxDir: string;
  stop(): Promise<void>;
}

/**
 * A real Karvan on a free port, in demo mode with the demo accounts, on a fresh database copied
 * from the test template; mail goes to the outbox folder as it does for a newcomer.
 */
export async function startKarvan(
  options: { caseTypes?: CaseTypeInput[]; clock?: Clock } = {},
): Promise<RunningKarvan> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: "test",
    KARVAN_DEMO: "true",
    KARVAN_DATA_DIR: dataDir,
    KARVAN_PUBLIC_URL: baseUrl,
    PORT: String(port),
    LOG_LEVEL: "silent",
    KARVAN_JOBS: "false",
  });
  const database: TestDatabase = await createTestDatabase();
  const clock = options.clock ?? systemClock;
  await seedDemoUsers(database.db, clock, config.fileKey);
  const karvan = await buildKarvan({
    config,
    database,
    clock,
    logger: false,
    ...(options.caseTypes ? { caseTypes: options.caseTypes } : {}),
  });
  await karvan.server.listen({ port, host: "127.0.0.1" });
  return {
    karvan,
    baseUrl,
    outboxDir: dataPaths(config).outbox,
    async stop() {
      await karvan.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
