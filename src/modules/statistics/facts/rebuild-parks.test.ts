import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { loadConfig } from "../../../platform/config/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { cubeSnapshot } from "../cubes/cube-repository.js";
import type { StatisticsContext } from "../statistics-context.js";
import { seededCaseload } from "../test-support/seeded-caseload.js";
import { listParkedCases } from "./parked-case-repository.js";
import { rebuildStatistics } from "./rebuild-statistics.js";
import { replayInThreads } from "./replay-in-threads.js";
import { catchUpStatistics } from "./statistics-projector.js";

const clock = new ManualClock("2026-06-15T09:00:00Z");
let database: TestDatabase;
let context: StatisticsContext;
let seeded: number;
let registration: string;
let broken: string;
let projected: string;

beforeAll(async () => {
  database = await createTestDatabase();
  context = await seededCaseload(database.db, clock, 0.05);
  const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from cases`);
  seeded = count?.n ?? 0;
}, 120_000);

afterAll(async () => {
  await database.destroy();
});

async function oneCase(where: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id::text as id from cases where ${where} order by id limit 1`,
  );
  if (!row) throw new Error("no such case in the seeded caseload");
  return row.id;
}

/** A registration's birth date, in its events (the rebuild replays them) and its projection row (the projector reads it). */
async function setBirthDate(caseId: string, birthDate: string): Promise<void> {
  const value = JSON.stringify(birthDate);
  await database.db.execute(sql`update case_events
    set payload = jsonb_set(payload, '{answers,guestBirthDate}', ${value}::jsonb)
    where case_id = ${caseId}::uuid and payload->'answers' ? 'guestBirthDate'`);
  await database.db.execute(sql`update cases set answers = jsonb_set(answers, '{guestBirthDate}', ${value}::jsonb)
    where id = ${caseId}::uuid`);
}

async function recordsOf(caseId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from stat_records where case_id = ${caseId}::uuid`,
  );
  return row?.n ?? 0;
}

describe("a rebuild over a case the statistics cannot count", () => {
  it("parks the case as the projector does, counts every other case and gives the projector's cubes", async () => {
    // One case fails in the database (a year 0 the date type refuses), one in the replay (created twice).
    registration = await oneCase(sql`type_code = 'stay-registration' and category = 'decided'`);
    await setBirthDate(registration, "0000-01-01");
    broken = await oneCase(sql`type_code <> 'stay-registration' and category <> 'draft'`);
    await database.db.execute(sql`insert into case_events (case_id, seq, type, payload, actor_type, at)
      select case_id, max(seq) + 1, 'case.created', '{}'::jsonb, 'system', now() from case_events
      where case_id = ${broken}::uuid group by case_id`);

    expect(await catchUpStatistics(context)).toBe(seeded);
    projected = await cubeSnapshot(database.db);
    const projectedParked = await listParkedCases(database.db);
    expect(projectedParked.map((item) => item.caseId).sort()).toEqual([registration, broken].sort());

    const report = await rebuildStatistics(context);
    expect(report.cases).toBe(seeded);
    expect([...report.parked].sort()).toEqual([registration, broken].sort());
    expect(await cubeSnapshot(database.db)).toBe(projected);
    const parked = await listParkedCases(database.db);
    for (const before of projectedParked) {
      const after = parked.find((item) => item.caseId === before.caseId);
      expect(after?.error).toBe(before.error);
      expect(after?.attempts).toBe(2);
    }
    expect(parked.find((item) => item.caseId === registration)?.error).toMatch(/out of range/);
    expect(parked.find((item) => item.caseId === broken)?.error).toMatch(/created twice/);
    expect(await recordsOf(registration)).toBe(0);
    const [counted] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from stat_records where source = 'case'`,
    );
    expect(report.records).toBe(counted?.n);
    expect(report.records).toBeGreaterThan(seeded / 2);
  });

  it.runIf(process.env.KARVAN_TEST_DB === "postgres")(
    "parks the same cases with the same errors when replayed in threads, with the same cubes",
    async () => {
      const before = await listParkedCases(database.db);
      const { countryProfile } = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });
      const report = await rebuildStatistics(
        context,
        undefined,
        replayInThreads(database.url as string, countryProfile, 2),
      );
      expect(report.cases).toBe(seeded);
      expect([...report.parked].sort()).toEqual([registration, broken].sort());
      expect(await cubeSnapshot(database.db)).toBe(projected);
      const parked = await listParkedCases(database.db);
      expect(
        parked
          .map(({ caseId, error }) => ({ caseId, error }))
          .sort((a, b) => a.caseId.localeCompare(b.caseId)),
      ).toEqual(
        before
          .map(({ caseId, error }) => ({ caseId, error }))
          .sort((a, b) => a.caseId.localeCompare(b.caseId)),
      );
    },
    60_000,
  );

  it("takes a corrected case off the list at the next rebuild and counts it", async () => {
    await setBirthDate(registration, "1990-01-01");
    const again = await rebuildStatistics(context);
    expect(again.parked).toEqual([broken]);
    expect((await listParkedCases(database.db)).map((item) => item.caseId)).toEqual([broken]);
    expect(await recordsOf(registration)).toBe(1);
  });
});
