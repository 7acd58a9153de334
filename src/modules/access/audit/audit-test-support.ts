import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../platform/db/index.js";
import { recordAudit } from "../record-audit.js";

/** Helpers shared by the audit tests (imported by *.test.ts files only). */

export const testAuditKey = "test-audit-key-0123456789abcdef0123456789";

export class RolledBack extends Error {}

/** Appends `count` records, each in its own transaction, as the request path does. */
export async function writeRecords(db: Database, count: number, action = "test.written"): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await recordAudit(db, {
      actor: { type: "system", id: null },
      action,
      outcome: "success",
      entityType: "thing",
      entityId: String(index),
      details: { index, note: "ünicode ✓", flag: index % 2 === 0 },
    });
  }
}

/** Runs `work` in a transaction and rolls it back: the tampering is undone for the next test. */
export async function rolledBack<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      result = await work(tx as unknown as Database);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result as T;
}

/** Draws an id and rolls back: the sequence moves on, the record never appears. */
export async function writeRolledBackRecord(db: Database): Promise<void> {
  await db
    .transaction(async (tx) => {
      await recordAudit(tx, {
        actor: { type: "system", id: null },
        action: "test.rolled_back",
        outcome: "success",
      });
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

export interface SealRowForTest {
  recordId: number;
  present: boolean;
}

export async function allSeals(db: Database): Promise<SealRowForTest[]> {
  const rows = await queryRows<{ recordId: string; present: boolean }>(
    db,
    sql`select record_id::text as "recordId", present from audit_seals order by record_id`,
  );
  return rows.map((row) => ({ recordId: Number(row.recordId), present: row.present }));
}

export async function allRecordIds(db: Database): Promise<number[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select r.id::text as "id" from audit_records r order by r.id`,
  );
  return rows.map((row) => Number(row.id));
}

/**
 * Empties the trail and restarts its ids, as a fresh database has it: cheaper than a new database
 * for each test. Only a superuser (or the tests) can, with the append-only triggers off.
 */
export async function emptyAuditTrail(db: Database): Promise<void> {
  await db.execute(sql.raw("alter table audit_records disable trigger user"));
  await db.execute(sql.raw("alter table audit_seals disable trigger user"));
  await db.execute(sql.raw("truncate audit_seals, audit_records restart identity"));
  await db.execute(sql.raw("alter table audit_records enable trigger user"));
  await db.execute(sql.raw("alter table audit_seals enable trigger user"));
}

/** Lets a test change history, as an attacker with the database superuser would. */
export async function withTriggersDisabled(db: Database, work: () => Promise<void>): Promise<void> {
  const triggers = [
    ["audit_records", "audit_records_append_only"],
    ["audit_seals", "audit_seals_append_only"],
  ] as const;
  for (const [table, trigger] of triggers) {
    await db.execute(sql.raw(`alter table ${table} disable trigger ${trigger}`));
  }
  try {
    await work();
  } finally {
    for (const [table, trigger] of triggers) {
      await db.execute(sql.raw(`alter table ${table} enable trigger ${trigger}`));
    }
  }
}
