import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { type Database, queryRows } from "../../../platform/db/index.js";
import {
  allRecordIds,
  rolledBack,
  testAuditKey,
  withTriggersDisabled,
  writeRecords,
  writeRolledBackRecord,
} from "./audit-test-support.js";
import { GapWatch, sealPendingRecords } from "./seal-audit-trail.js";
import { type AuditProblem, recordVerification, verifyAuditTrail } from "./verify-audit-trail.js";

/**
 * Tampering: someone with the database superuser turns the append-only triggers off and changes
 * history. Verification must fail and name the record. One sealed trail for the file: each test
 * tampers inside a transaction that is rolled back when it ends, so the next finds the trail intact.
 */
describe("verifying the audit trail", () => {
  let database: TestDatabase;
  /** The running test's view of the database: its transaction, or the database itself. */
  let db: Database;
  /** Record ids of the sealed trail: 20 records, then an unused id (a rolled-back insert), then 9 more. */
  let ids: number[];
  let gapId: number;
  const context = () => ({ db, auditKey: testAuditKey });
  const problems = async (): Promise<AuditProblem[]> =>
    (await verifyAuditTrail(context(), { windowSize: 8 })).problems;
  const execute = (query: SQL) => db.execute(query);
  /** Runs a test in a transaction that is rolled back afterwards, whatever the test changed. */
  const tampering = (test: () => Promise<void>) => () =>
    rolledBack(database.db, async (tx) => {
      db = tx;
      try {
        await test();
      } finally {
        db = database.db;
      }
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await writeRecords(database.db, 20);
    await writeRolledBackRecord(database.db);
    await writeRecords(database.db, 9);
    await sealPendingRecords(context(), { gaps: new GapWatch(0), timeoutMs: 30_000 });
    ids = await allRecordIds(database.db);
    gapId = (ids[19] as number) + 1;
    expect(ids[20]).toBe(gapId + 1);
    expect(await verifyAuditTrail(context())).toMatchObject({ ok: true, pending: 0 });
  });
  afterAll(async () => {
    await database.destroy();
  });
  const id = (index: number) => ids[index] as number;

  // Outside a transaction: the first refused statement would abort it.
  it("the database refuses to update, delete or truncate audit records and seals", async () => {
    /** The database's own message (the driver wraps it in a "Failed query" error). */
    const refusal = async (query: SQL): Promise<string> => {
      try {
        await execute(query);
        return "accepted";
      } catch (error) {
        const failure = error as Error & { cause?: Error };
        return failure.cause?.message ?? failure.message;
      }
    };
    const statements = [
      sql`update audit_records set action = 'x' where id = ${id(3)}`,
      sql`delete from audit_records where id = ${id(3)}`,
      sql`truncate audit_records cascade`,
      sql`update audit_seals set hash = 'x' where record_id = ${id(3)}`,
      sql`delete from audit_seals`,
      sql`truncate audit_seals`,
    ];
    for (const statement of statements) {
      expect(await refusal(statement)).toMatch(
        /the audit trail is append-only: (UPDATE|DELETE|TRUNCATE) on audit_/,
      );
    }
    expect(await verifyAuditTrail(context())).toMatchObject({ ok: true, checkedRecords: 29 });
  });

  it(
    "names an altered record",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`update audit_records set actor_id = 'someone-else' where id = ${id(5)}`);
      });
      expect(await problems()).toEqual([{ kind: "altered_record", recordId: id(5) }]);
    }),
  );

  it(
    "notices a change of the time alone, down to the microsecond",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`update audit_records set at = at + interval '1 microsecond' where id = ${id(7)}`);
      });
      expect(await problems()).toEqual([{ kind: "altered_record", recordId: id(7) }]);
    }),
  );

  it(
    "names a removed record",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`delete from audit_records where id = ${id(8)}`);
      });
      expect(await problems()).toEqual([{ kind: "removed_record", recordId: id(8) }]);
    }),
  );

  it(
    "names a record inserted at an unused id inside the sealed range (no trigger needed)",
    tampering(async () => {
      await execute(
        sql`insert into audit_records (id, actor_type, action, outcome) values (${gapId}, 'system', 'forged', 'success')`,
      );
      expect(await problems()).toEqual([{ kind: "inserted_record", recordId: gapId }]);
    }),
  );

  it(
    "names a record inserted together with the removal of the gap's seal",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`delete from audit_seals where record_id = ${gapId}`);
        await execute(
          sql`insert into audit_records (id, actor_type, action, outcome) values (${gapId}, 'system', 'forged', 'success')`,
        );
      });
      expect(await problems()).toEqual([
        { kind: "seal_missing", recordId: gapId },
        { kind: "inserted_record", recordId: gapId },
      ]);
    }),
  );

  it(
    "names a record inserted with an id below the first one",
    tampering(async () => {
      await execute(
        sql`insert into audit_records (id, actor_type, action, outcome) values (0, 'system', 'forged', 'success')`,
      );
      expect(await problems()).toEqual([{ kind: "inserted_record", recordId: 0 }]);
    }),
  );

  it(
    "breaks the chain at an altered seal",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`update audit_seals set hash = repeat('f', 64) where record_id = ${id(12)}`);
      });
      expect(await problems()).toEqual([{ kind: "seal_altered", recordId: id(12) }]);
    }),
  );

  it(
    "breaks the chain at a removed seal, even when the record is genuine",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`delete from audit_seals where record_id = ${id(14)}`);
      });
      expect(await problems()).toEqual([{ kind: "seal_missing", recordId: id(14) }]);
    }),
  );

  it(
    "names a record re-sealed without the key, and flags the next one as unverifiable",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`update audit_records set action = 'rewritten' where id = ${id(25)}`);
        await execute(
          sql`update audit_seals set hash = encode(sha256(convert_to(hash || 'x', 'UTF8')), 'hex') where record_id = ${id(25)}`,
        );
      });
      expect(await problems()).toEqual([
        { kind: "record_or_seal_altered", recordId: id(25) },
        { kind: "record_or_seal_altered", recordId: id(26) },
      ]);
    }),
  );

  it(
    "names two altered records side by side",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`update audit_records set action = 'rewritten' where id in (${id(3)}, ${id(4)})`);
      });
      // Neither link confirms the other, so both records are named, without guessing which part changed.
      expect(await problems()).toEqual([
        { kind: "record_or_seal_altered", recordId: id(3) },
        { kind: "record_or_seal_altered", recordId: id(4) },
      ]);
    }),
  );

  it(
    "reports an altered last record (nothing follows to tell record from seal)",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`update audit_records set outcome = 'failure' where id = ${id(28)}`);
      });
      expect(await problems()).toEqual([{ kind: "record_or_seal_altered", recordId: id(28) }]);
    }),
  );

  it(
    "lists every problem at once, in id order, and records the verification in the trail",
    tampering(async () => {
      await withTriggersDisabled(db, async () => {
        await execute(sql`update audit_records set entity_id = 'other' where id = ${id(2)}`);
        await execute(sql`delete from audit_records where id = ${id(9)}`);
        await execute(sql`update audit_seals set hash = repeat('0', 64) where record_id = ${id(16)}`);
        await execute(
          sql`insert into audit_records (id, actor_type, action, outcome) values (${gapId}, 'system', 'forged', 'success')`,
        );
        await execute(sql`update audit_records set details = '{"index": 99}' where id = ${id(23)}`);
      });
      await writeRecords(db, 2);
      const report = await verifyAuditTrail(context());
      expect(report.problems).toEqual([
        { kind: "altered_record", recordId: id(2) },
        { kind: "removed_record", recordId: id(9) },
        { kind: "seal_altered", recordId: id(16) },
        { kind: "inserted_record", recordId: gapId },
        { kind: "altered_record", recordId: id(23) },
      ]);
      expect(report).toMatchObject({ ok: false, problemCount: 5, pending: 2, sealedUpTo: id(28) });

      await recordVerification({ db, actor: { type: "system", id: null } }, report);
      const [row] = await queryRows<{ outcome: string; problems: string }>(
        db,
        sql`select outcome, details->>'problems' as "problems" from audit_records where action = 'audit.verified'`,
      );
      expect(row).toEqual({ outcome: "failure", problems: "5" });
    }),
  );

  it(
    "fails with another key",
    tampering(async () => {
      const report = await verifyAuditTrail({
        db,
        auditKey: "another-key-0123456789abcdef0123456789",
      });
      expect(report.ok).toBe(false);
      expect(report.problemCount).toBeGreaterThan(0);
    }),
  );
});
