import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { cubeSnapshot } from "../cubes/cube-repository.js";
import type { StatisticsContext } from "../statistics-context.js";
import { seededCaseload } from "../test-support/seeded-caseload.js";
import { rebuildStatistics } from "./rebuild-statistics.js";
import { catchUpStatistics } from "./statistics-projector.js";

const clock = new ManualClock("2026-06-15T09:00:00Z");
let database: TestDatabase;
let context: StatisticsContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = await seededCaseload(database.db, clock, 0.4);
}, 120_000);

afterAll(async () => {
  await database.destroy();
});

describe("statistics kept current from case events", () => {
  it("projects every changed case once, and a rebuild from the events gives identical cubes", async () => {
    const projected = await catchUpStatistics(context);
    expect(projected).toBe(400);
    const [waiting] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from case_change_outbox`,
    );
    expect(waiting?.n).toBe(0);
    const incremental = await cubeSnapshot(database.db);
    const tables = await queryRows<{ table_code: string; n: number }>(
      database.db,
      sql`select table_code, sum(n)::int as n from stat_cube group by table_code order by table_code`,
    );
    const total = (code: string) => tables.find((row) => row.table_code === code)?.n ?? 0;
    expect(total("registrations")).toBeGreaterThan(0);
    expect(total("applications")).toBeGreaterThan(0);
    expect(total("decisions")).toBeGreaterThan(0);
    expect(total("permits_first")).toBeGreaterThan(0);

    const report = await rebuildStatistics(context);
    expect(report.cases).toBe(400);
    expect(await cubeSnapshot(database.db)).toBe(incremental);
  });

  it("counts a registration's case again when its events change, without counting it twice", async () => {
    const before = await cubeSnapshot(database.db);
    await database.db.execute(sql`insert into case_change_outbox (case_id) select id from cases limit 50`);
    await catchUpStatistics(context);
    expect(await cubeSnapshot(database.db)).toBe(before);
  });
});
