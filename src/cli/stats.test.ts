import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { statisticsContextOf } from "../composition-root.js";
import { seedDemoCaseload, seedDemoUsers } from "../demo/index.js";
import {
  catchUpStatistics,
  cubeSnapshot,
  rebuildStatistics,
  replayInThreads,
} from "../modules/statistics/index.js";
import { ManualClock } from "../platform/clock/index.js";
import { loadConfig } from "../platform/config/index.js";
import { parallelReplayOf } from "./stats.js";

const clock = new ManualClock("2026-06-15T09:00:00Z");
const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", KARVAN_DEMO: "true" });
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const context = statisticsContextOf(database);
  await seedDemoUsers(database.db, clock, "demo-file-key-".padEnd(40, "x"));
  await seedDemoCaseload({ ...context, clock, country: "AZ", scale: 0.3, population: "built-in" });
  await catchUpStatistics(context);
}, 120_000);

afterAll(async () => {
  await database.destroy();
});

describe("karvan stats rebuild in replay threads", () => {
  it("replays in threads on a PostgreSQL server only (the embedded database has one connection)", () => {
    const parallel = parallelReplayOf(database, config);
    if (database.kind === "postgres") expect(parallel?.workers).toBeGreaterThan(0);
    else expect(parallel).toBeUndefined();
  });

  it.runIf(process.env.KARVAN_TEST_DB === "postgres")(
    "gives the same cubes as the projection, every case replayed once across the threads",
    async () => {
      const projected = await cubeSnapshot(database.db);
      const report = await rebuildStatistics(
        statisticsContextOf(database),
        undefined,
        replayInThreads(database.url as string, config.countryProfile, 3),
      );
      expect(report.cases).toBe(300);
      expect(report.parked).toEqual([]);
      expect(await cubeSnapshot(database.db)).toBe(projected);
    },
    60_000,
  );
});
