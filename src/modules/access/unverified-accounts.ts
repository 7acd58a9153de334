import { sql } from "drizzle-orm";
import { type Database, type Queryable, queryRows } from "../../platform/db/index.js";
import { systemActor } from "./principal.js";
import { recordAudit } from "./record-audit.js";

/** Portal accounts that never confirmed their e-mail address: nobody has ever signed in to them. */
const unverified = (createdBefore: Date) => sql`kind = 'public' and status = 'pending_verification'
  and email_verified_at is null and created_at < ${createdBefore.toISOString()}::timestamptz`;

/** How many portal accounts created before the date were never verified. */
export async function countUnverifiedAccounts(db: Queryable, createdBefore: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from users where ${unverified(createdBefore)}`,
  );
  return row?.n ?? 0;
}

/**
 * Deletes portal accounts created before the date whose address was never confirmed, with their
 * roles, tokens and sessions (the foreign keys cascade), a page at a time; each deletion is
 * audited by the account's id only. No e-mail is sent: the address was never shown to be theirs.
 * Returns how many were deleted.
 */
export async function removeUnverifiedAccounts(
  db: Database,
  createdBefore: Date,
  rule: string,
  pageSize = 500,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`delete from users where id in (
              select id from users where ${unverified(createdBefore)} order by id limit ${pageSize}
              for update skip locked)
            returning id`,
      );
      for (const { id } of rows) {
        await recordAudit(tx, {
          actor: systemActor,
          action: "privacy.account_removed",
          outcome: "success",
          entityType: "user",
          entityId: id,
          details: { kind: "unverifiedAccounts", rule },
        });
      }
      return rows.map((row) => row.id);
    });
    removed += ids.length;
    if (ids.length < pageSize) return removed;
  }
}
