import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { recordAudit } from "../record-audit.js";
import { startAuditSealer } from "./audit-sealer.js";
import {
  allRecordIds,
  allSeals,
  emptyAuditTrail,
  testAuditKey,
  writeRecords,
  writeRolledBackRecord,
} from "./audit-test-support.js";
import { GapWatch, sealNextBatch, sealPendingRecords } from "./seal-audit-trail.js";
import { verifyAuditTrail } from "./verify-audit-trail.js";

const onServer = process.env.KARVAN_TEST_DB === "postgres";

// One database for the file; each test starts from an empty trail, as on a fresh database.
describe("sealing the audit trail", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await emptyAuditTrail(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });
  const context = () => ({ db: database.db, auditKey: testAuditKey });

  it("seals every record in id order, in batches, and the chain verifies", async () => {
    await writeRecords(database.db, 45);
    const result = await sealPendingRecords(context(), { batchSize: 10 });
    const ids = await allRecordIds(database.db);
    expect(ids.length).toBe(45);
    expect(result).toMatchObject({ sealedRecords: 45, sealedGaps: ids[0] ? ids[0] - 1 : 0, remaining: 0 });
    const seals = await allSeals(database.db);
    expect(seals.map((seal) => seal.recordId)).toEqual(seals.map((_, index) => index + 1));
    expect(seals.filter((seal) => seal.present).map((seal) => seal.recordId)).toEqual(ids);
    const batches = await queryRows<{ batches: number }>(
      database.db,
      sql`select count(distinct batch)::int as "batches" from audit_seals`,
    );
    expect(batches[0]?.batches).toBeGreaterThanOrEqual(5);

    const report = await verifyAuditTrail(context(), { windowSize: 7 });
    expect(report).toMatchObject({ ok: true, problemCount: 0, sealedUpTo: ids.at(-1), pending: 0 });
    expect(report.checkedRecords).toBe(45);

    // Later records extend the same chain.
    await writeRecords(database.db, 3);
    expect((await verifyAuditTrail(context())).pending).toBe(3);
    await sealPendingRecords(context());
    expect(await verifyAuditTrail(context())).toMatchObject({ ok: true, pending: 0, checkedRecords: 48 });
  });

  it("canonicalises timestamps to the microsecond, identically on every driver", async () => {
    await database.db.execute(
      sql`insert into audit_records (at, actor_type, action, outcome, details)
          values ('2026-03-01 10:20:30.123456+04', 'system', 'test.precise', 'success', '{"b": 1, "a": [2, {"d": null, "c": "x"}]}')`,
    );
    await sealPendingRecords(context());
    expect((await verifyAuditTrail(context())).ok).toBe(true);
    const [row] = await queryRows<{ at: string }>(
      database.db,
      sql`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "at"
          from audit_records where action = 'test.precise'`,
    );
    expect(row?.at).toBe("2026-03-01T06:20:30.123456Z");
  });

  it("stops at missing ids, then seals them as gaps together once they are final", async () => {
    await writeRecords(database.db, 2);
    for (let index = 0; index < 3; index += 1) await writeRolledBackRecord(database.db);
    await writeRecords(database.db, 2);
    const ids = await allRecordIds(database.db);
    const gapId = (ids[1] as number) + 1;
    expect(ids[2]).toBe(gapId + 3);

    let now = 1_000_000;
    const gaps = new GapWatch(2000, () => now);
    const first = await sealNextBatch(context(), gaps);
    expect(first).toMatchObject({ state: "waiting_for_gap", waitingFor: gapId, sealedUpTo: gapId - 1 });
    now += 1000;
    expect(await sealNextBatch(context(), gaps)).toMatchObject({
      state: "waiting_for_gap",
      sealedRecords: 0,
    });
    now += 1500;
    // Settled: the gap is final as soon as no transaction from before the snapshot is running.
    let pass = await sealNextBatch(context(), gaps);
    for (let attempt = 0; pass.state === "waiting_for_gap" && attempt < 100; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      pass = await sealNextBatch(context(), gaps);
    }
    expect(pass).toMatchObject({
      state: "caught_up",
      sealedGaps: 3,
      sealedRecords: 2,
      sealedUpTo: ids.at(-1),
    });
    const seals = await allSeals(database.db);
    expect(seals.filter((seal) => seal.recordId >= gapId && seal.recordId < gapId + 3)).toEqual([
      { recordId: gapId, present: false },
      { recordId: gapId + 1, present: false },
      { recordId: gapId + 2, present: false },
    ]);
    expect(await verifyAuditTrail(context())).toMatchObject({ ok: true });
  });

  it("lets one instance seal at a time", async () => {
    await writeRecords(database.db, 5);
    const passes = await Promise.all([
      sealNextBatch(context(), new GapWatch(0)),
      sealNextBatch(context(), new GapWatch(0)),
      sealNextBatch(context(), new GapWatch(0)),
    ]);
    const sealedRecords = passes.reduce((sum, pass) => sum + pass.sealedRecords, 0);
    expect(sealedRecords).toBe(5);
    expect((await allSeals(database.db)).filter((seal) => seal.present)).toHaveLength(5);
  });

  it("runs in the background and stops cleanly", async () => {
    const sealer = startAuditSealer({ ...context(), busyIntervalMs: 20, idleIntervalMs: 20, gapSettleMs: 0 });
    try {
      await writeRecords(database.db, 12);
      for (let attempt = 0; attempt < 200; attempt += 1) {
        if ((await verifyAuditTrail(context())).sealedUpTo >= 12) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await sealer.stop();
    }
    expect(await verifyAuditTrail(context())).toMatchObject({ ok: true, pending: 0, checkedRecords: 12 });
  });

  // A gap is final once every transaction running after it was seen has ended, on the whole
  // server: on the shared test server, other test files' long transactions (an import, a rebuild)
  // hold the snapshot back and delay the last gaps by as long as they run.
  it("seals records written concurrently, each exactly once and in order, never a late record as a gap", {
    timeout: 90_000,
  }, async () => {
    const stopAt = Date.now() + 60_000;
    let writing = true;
    const sealers = [new GapWatch(50), new GapWatch(50)].map(async (gaps) => {
      while (writing && Date.now() < stopAt) {
        await sealNextBatch(context(), gaps, { batchSize: 25 });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    // Three writers leave two of the five pooled connections to the two sealers.
    let rolledBack = 0;
    const writers = Array.from({ length: 3 }, async (_, writer) => {
      for (let index = 0; index < 60; index += 1) {
        const rollBack = (writer + index) % 7 === 0;
        if (rollBack) rolledBack += 1;
        await database.db
          .transaction(async (tx) => {
            await recordAudit(tx, {
              actor: { type: "system", id: null },
              action: "test.concurrent",
              outcome: "success",
              details: { writer, index },
            });
            // Hold the transaction open, so that later ids commit first; sometimes for longer than
            // gaps take to settle, so that only the snapshot rule keeps these ids from being sealed as gaps.
            const holdMs = (writer + index) % 4 === 0 ? 150 : (writer * 7 + index * 3) % 20;
            await new Promise((resolve) => setTimeout(resolve, holdMs));
            if (rollBack) throw new Error("roll back");
          })
          .catch((error: unknown) => {
            if (!(error instanceof Error) || error.message !== "roll back") throw error;
          });
      }
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(sealers);
    const result = await sealPendingRecords(context(), { gaps: new GapWatch(50), timeoutMs: 60_000 });
    expect(result.remaining).toBe(0);

    const ids = await allRecordIds(database.db);
    expect(ids).toHaveLength(3 * 60 - rolledBack);
    const seals = await allSeals(database.db);
    expect(seals.map((seal) => seal.recordId)).toEqual(seals.map((_, index) => index + 1));
    expect(seals.filter((seal) => seal.present).map((seal) => seal.recordId)).toEqual(ids);
    expect(await verifyAuditTrail(context())).toMatchObject({ ok: true, problemCount: 0, pending: 0 });
  });

  it.runIf(onServer)(
    "does not seal a missing id as a gap while the transaction that drew it is still running",
    async () => {
      await writeRecords(database.db, 1);
      const firstId = (await allRecordIds(database.db)).at(-1) as number;
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let drawn = () => {};
      const idDrawn = new Promise<void>((resolve) => {
        drawn = resolve;
      });
      const slowTransaction = database.db.transaction(async (tx) => {
        await recordAudit(tx, {
          actor: { type: "system", id: null },
          action: "test.slow",
          outcome: "success",
        });
        drawn();
        await held;
      });
      await idDrawn;
      await writeRecords(database.db, 1, "test.fast");
      const [slowId, fastId] = [firstId + 1, firstId + 2];
      expect(await allRecordIds(database.db)).toEqual([firstId, fastId]);

      const gaps = new GapWatch(0);
      try {
        expect(await sealNextBatch(context(), gaps)).toMatchObject({
          state: "waiting_for_gap",
          waitingFor: slowId,
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await sealNextBatch(context(), gaps)).toMatchObject({
          state: "waiting_for_gap",
          sealedUpTo: firstId,
        });
      } finally {
        release();
        await slowTransaction;
      }
      const pass = await sealNextBatch(context(), gaps);
      expect(pass).toMatchObject({ state: "caught_up", sealedRecords: 2, sealedGaps: 0, sealedUpTo: fastId });
      expect((await allSeals(database.db)).filter((seal) => seal.recordId >= firstId)).toEqual([
        { recordId: firstId, present: true },
        { recordId: slowId, present: true },
        { recordId: fastId, present: true },
      ]);
      expect((await verifyAuditTrail(context())).ok).toBe(true);
    },
  );
});
