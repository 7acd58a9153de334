import { sql } from "drizzle-orm";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import type { StatisticsContext } from "../statistics-context.js";
import { seededCaseload } from "../test-support/seeded-caseload.js";
import { registerParkedCaseMetrics } from "./parked-case-metrics.js";
import { listParkedCases } from "./parked-case-repository.js";
import { retryParkedCases } from "./retry-parked-cases.js";
import { catchUpStatistics } from "./statistics-projector.js";

const clock = new ManualClock("2026-06-15T09:00:00Z");
let database: TestDatabase;
let context: StatisticsContext;
let seeded: number;

beforeAll(async () => {
  database = await createTestDatabase();
  context = await seededCaseload(database.db, clock, 0.03);
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

async function recordsOf(caseId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from stat_records where case_id = ${caseId}::uuid`,
  );
  return row?.n ?? 0;
}

describe("a case the statistics cannot process", () => {
  it("is parked with its error while every other case is counted, shown in /metrics, and retried", async () => {
    // A registration whose birth date the database refuses (year 0), and a case whose history no
    // longer replays (created twice): one fails in SQL, the other in the replay.
    // Drafts are never counted: only cases past submission can be parked.
    const registration = await oneCase(sql`type_code = 'stay-registration' and category = 'decided'`);
    await database.db.execute(sql`update cases set answers = jsonb_set(answers, '{guestBirthDate}', '"0000-01-01"')
      where id = ${registration}::uuid`);
    const broken = await oneCase(sql`type_code <> 'stay-registration' and category <> 'draft'`);
    await database.db.execute(sql`insert into case_events (case_id, seq, type, payload, actor_type, at)
      select case_id, max(seq) + 1, 'case.created', '{}'::jsonb, 'system', now() from case_events
      where case_id = ${broken}::uuid group by case_id`);

    expect(await catchUpStatistics(context)).toBe(seeded);

    const parked = await listParkedCases(database.db);
    expect(parked.map((item) => item.caseId).sort()).toEqual([registration, broken].sort());
    expect(parked.find((item) => item.caseId === registration)?.error).toMatch(/out of range/);
    expect(parked.find((item) => item.caseId === broken)?.error).toMatch(/created twice/);
    const [others] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(distinct case_id)::int as n from stat_records where source = 'case'`,
    );
    expect(others?.n).toBeGreaterThan(seeded / 2);
    const [waiting] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from case_change_outbox`,
    );
    expect(waiting?.n).toBe(0);

    const registry = new Registry();
    registerParkedCaseMetrics(registry, database.db);
    expect(await registry.metrics()).toMatch(/^karvan_statistics_parked_cases 2$/m);

    // The registration is corrected; a retry counts it and leaves the other parked.
    await database.db.execute(sql`update cases set answers = jsonb_set(answers, '{guestBirthDate}', '"1990-01-01"')
      where id = ${registration}::uuid`);
    const retry = await retryParkedCases(context);
    expect(retry.retried).toBe(2);
    expect(retry.stillParked.map((item) => item.caseId)).toEqual([broken]);
    expect(retry.stillParked[0]?.attempts).toBe(2);
    expect(await recordsOf(registration)).toBe(1);
    expect(await registry.metrics()).toMatch(/^karvan_statistics_parked_cases 1$/m);
  });
});
