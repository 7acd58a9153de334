import { sql } from "drizzle-orm";
import { type Database, type Queryable, queryRows } from "../../../../platform/db/index.js";
import { recordAudit, systemActor } from "../../../access/index.js";

/**
 * Comments of consultations whose last day (closed early, or the closing date) is before
 * `closedBefore` (a legal date) that still name someone: unverified ones, and any with an address.
 */
const due = (closedBefore: string) => sql`(comment.status = 'unverified' or comment.email is not null)
  and comment.consultation_id in (select id from policy_consultations
    where coalesce(closed_early_on, closes_on) < ${closedBefore}::date)`;

/** How many comments the commenters' retention rule reaches for consultations closed before the date. */
export async function countConsultationCommentersDue(db: Queryable, closedBefore: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from policy_consultation_comments comment where ${due(closedBefore)}`,
  );
  return row?.n ?? 0;
}

/**
 * Removes the commenters' personal data from consultations closed before the date, a page at a
 * time: a comment never confirmed is deleted (it was never received); any other keeps its text,
 * section, moderation and answer, but its name becomes empty, its display name the portal's neutral
 * "a member of the public", and its e-mail address and portal account go. Each comment is audited by
 * its id only, in the same transaction. Returns how many comments were changed or deleted.
 */
export async function removeConsultationCommenters(
  db: Database,
  closedBefore: string,
  rule: string,
  pageSize = 500,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; status: string }>(
        tx,
        sql`select comment.id, comment.status from policy_consultation_comments comment
          where ${due(closedBefore)} order by comment.id limit ${pageSize} for update skip locked`,
      );
      const unverified = rows.filter((row) => row.status === "unverified").map((row) => row.id);
      const named = rows.filter((row) => row.status !== "unverified").map((row) => row.id);
      if (unverified.length)
        await tx.execute(sql`delete from policy_consultation_comments
          where id in (${sql.join(
            unverified.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`);
      if (named.length)
        await tx.execute(sql`update policy_consultation_comments
          set author_name = '', display_name = null, email = null, author_user_id = null
          where id in (${sql.join(
            named.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`);
      for (const row of rows)
        await recordAudit(tx, {
          actor: systemActor,
          action:
            row.status === "unverified"
              ? "privacy.consultation_comment_removed"
              : "privacy.consultation_commenter_removed",
          outcome: "success",
          entityType: "policy_consultation_comment",
          entityId: row.id,
          details: { kind: "consultationCommenters", rule },
        });
      return rows.length;
    });
    removed += count;
    if (count < pageSize) return removed;
  }
}
