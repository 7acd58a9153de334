import { and, asc, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import type { Consultation, ConsultationComment, RejectionReason } from "./records.js";
import { policyConsultationComments, policyConsultations } from "./schema.js";

type ConsultationRow = typeof policyConsultations.$inferSelect;
type CommentRow = typeof policyConsultationComments.$inferSelect;

function consultationOf(row: ConsultationRow): Consultation {
  return {
    id: row.id,
    documentId: row.documentId,
    title: { az: row.titleAz, en: row.titleEn, ru: row.titleRu },
    text: { az: row.textAz, en: row.textEn, ru: row.textRu },
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    closedEarlyOn: row.closedEarlyOn,
    demo: row.demo,
    createdAt: row.createdAt.toISOString(),
  };
}

function commentOf(row: CommentRow): ConsultationComment {
  return {
    id: row.id,
    consultationId: row.consultationId,
    authorUserId: row.authorUserId,
    authorName: row.authorName,
    displayName: row.displayName,
    email: row.email,
    locale: row.locale,
    sectionCode: row.sectionCode,
    text: row.text,
    status: row.status,
    rejectionReason: row.rejectionReason as RejectionReason | null,
    rejectionNote: row.rejectionNote,
    moderatedAt: row.moderatedAt?.toISOString() ?? null,
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    demo: row.demo,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface NewConsultation {
  id: string;
  documentId: string;
  title: Consultation["title"];
  text: Consultation["text"];
  opensOn: string;
  closesOn: string;
  demo: boolean;
  openedBy: string | null;
  at: Date;
}

export async function insertConsultation(db: Queryable, row: NewConsultation): Promise<void> {
  await db.insert(policyConsultations).values({
    id: row.id,
    documentId: row.documentId,
    titleAz: row.title.az,
    titleEn: row.title.en,
    titleRu: row.title.ru,
    textAz: row.text.az,
    textEn: row.text.en,
    textRu: row.text.ru,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    demo: row.demo,
    openedBy: row.openedBy,
    createdAt: row.at,
    updatedAt: row.at,
  });
}

export async function findConsultation(db: Queryable, id: string): Promise<Consultation | null> {
  const [row] = await db.select().from(policyConsultations).where(eq(policyConsultations.id, id));
  return row ? consultationOf(row) : null;
}

/** A document's consultation that has not closed by `today` (scheduled or open), if any. */
export async function findUnclosedConsultation(
  db: Queryable,
  documentId: string,
  today: string,
): Promise<Consultation | null> {
  const [row] = await db
    .select()
    .from(policyConsultations)
    .where(
      and(
        eq(policyConsultations.documentId, documentId),
        isNull(policyConsultations.closedEarlyOn),
        sql`${policyConsultations.closesOn} >= ${today}::date`,
      ),
    )
    .limit(1);
  return row ? consultationOf(row) : null;
}

/** A document's consultations, latest first. */
export async function consultationsOfDocument(db: Queryable, documentId: string): Promise<Consultation[]> {
  const rows = await db
    .select()
    .from(policyConsultations)
    .where(eq(policyConsultations.documentId, documentId))
    .orderBy(desc(policyConsultations.opensOn), asc(policyConsultations.id));
  return rows.map(consultationOf);
}

export async function closeEarly(db: Queryable, id: string, onDate: string, at: Date): Promise<void> {
  await db
    .update(policyConsultations)
    .set({ closedEarlyOn: onDate, updatedAt: at })
    .where(eq(policyConsultations.id, id));
}

/**
 * Consultations whose title or text (in any language) holds every word, those still open on
 * `today` first (closing soonest first), then the rest, latest first; at most 200.
 */
export async function searchConsultations(
  db: Queryable,
  query: { words: string; today: string; openedOnly: boolean },
): Promise<Consultation[]> {
  const c = policyConsultations;
  const conditions = query.openedOnly ? [sql`${c.opensOn} <= ${query.today}::date`] : [];
  for (const word of query.words.split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(
      sql`concat_ws(' ', ${c.titleAz}, ${c.titleEn}, ${c.titleRu}, ${c.textAz}, ${c.textEn}, ${c.textRu}) ilike ${pattern}`,
    );
  }
  const open = sql`${c.closedEarlyOn} is null and ${c.closesOn} >= ${query.today}::date`;
  const lastDay = sql`coalesce(${c.closedEarlyOn}, ${c.closesOn})`;
  const rows = await db
    .select()
    .from(c)
    .where(and(...conditions))
    .orderBy(
      sql`case when ${open} then 0 else 1 end`,
      sql`case when ${open} then ${lastDay} end asc`,
      desc(lastDay),
      asc(c.id),
    )
    .limit(200);
  return rows.map(consultationOf);
}

export async function insertComment(
  db: Queryable,
  row: typeof policyConsultationComments.$inferInsert,
): Promise<void> {
  await db.insert(policyConsultationComments).values(row);
}

export async function findComment(db: Queryable, id: string): Promise<ConsultationComment | null> {
  const [row] = await db
    .select()
    .from(policyConsultationComments)
    .where(eq(policyConsultationComments.id, id));
  return row ? commentOf(row) : null;
}

/** How many comments an address sent to a consultation since `since` and has not yet verified. */
export async function countUnverifiedFrom(
  db: Queryable,
  consultationId: string,
  email: string,
  since: Date,
): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from policy_consultation_comments
      where consultation_id = ${consultationId} and lower(email) = lower(${email})
        and status = 'unverified' and created_at > ${since.toISOString()}::timestamptz`,
  );
  return row?.count ?? 0;
}

/**
 * Takes a verification token for its one use: an unverified comment whose token has this hash
 * and has not expired moves into moderation. Null when used, expired or unknown.
 */
export async function verifyByToken(
  db: Queryable,
  tokenHash: string,
  at: Date,
): Promise<ConsultationComment | null> {
  const t = policyConsultationComments;
  const [row] = await db
    .update(t)
    .set({ status: "pending", verifiedAt: at, verifyTokenHash: null, verifyExpiresAt: null })
    .where(
      and(
        eq(t.verifyTokenHash, tokenHash),
        eq(t.status, "unverified"),
        gt(t.verifyExpiresAt, at),
        sql`not exists (select 1 from policy_consultations c
          where c.id = ${t.consultationId} and c.closed_early_on is not null)`,
      ),
    )
    .returning();
  return row ? commentOf(row) : null;
}

/** Whether a token would still be usable but for its consultation having closed early. */
export async function tokenOfClosedConsultation(
  db: Queryable,
  tokenHash: string,
  at: Date,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select comment.id from policy_consultation_comments comment
      join policy_consultations c on c.id = comment.consultation_id
      where comment.verify_token_hash = ${tokenHash} and comment.status = 'unverified'
        and comment.verify_expires_at > ${at.toISOString()}::timestamptz and c.closed_early_on is not null`,
  );
  return rows.length > 0;
}

export async function listComments(
  db: Queryable,
  consultationId: string,
  status?: ConsultationComment["status"],
): Promise<ConsultationComment[]> {
  const t = policyConsultationComments;
  const rows = await db
    .select()
    .from(t)
    .where(
      and(eq(t.consultationId, consultationId), status ? eq(t.status, status) : ne(t.status, "unverified")),
    )
    .orderBy(asc(t.createdAt), asc(t.id));
  return rows.map(commentOf);
}

/** Publishes or rejects a comment still waiting for moderation; null when it was not waiting. */
export async function recordModeration(
  db: Queryable,
  id: string,
  decision:
    | { status: "published" }
    | { status: "rejected"; rejectionReason: RejectionReason; rejectionNote: string | null },
  by: string,
  at: Date,
): Promise<ConsultationComment | null> {
  return updateCommentIn(db, id, "pending", { ...decision, moderatedBy: by, moderatedAt: at });
}

/** Answers (or corrects the answer to) a published comment; null when it is not published. */
export async function recordAnswer(
  db: Queryable,
  id: string,
  answer: string,
  by: string,
  at: Date,
): Promise<ConsultationComment | null> {
  return updateCommentIn(db, id, "published", { answer, answeredBy: by, answeredAt: at });
}

/** Changes a comment only while it has the given status (a second moderator's click changes nothing). */
async function updateCommentIn(
  db: Queryable,
  id: string,
  status: "pending" | "published",
  values: Partial<typeof policyConsultationComments.$inferInsert>,
): Promise<ConsultationComment | null> {
  const t = policyConsultationComments;
  const [row] = await db
    .update(t)
    .set(values)
    .where(and(eq(t.id, id), eq(t.status, status)))
    .returning();
  return row ? commentOf(row) : null;
}

/** Counts per status and rejection reason, including comments never verified. */
export async function countComments(
  db: Queryable,
  consultationId: string,
): Promise<Array<{ status: string; reason: string | null; answered: boolean; count: number }>> {
  return queryRows(
    db,
    sql`select status, rejection_reason as reason, (answer is not null) as answered, count(*)::int as count
      from policy_consultation_comments where consultation_id = ${consultationId}
      group by status, rejection_reason, (answer is not null)`,
  );
}

/** For each consultation, how many comments wait for moderation. */
export async function pendingCounts(db: Queryable): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; count: number }>(
    db,
    sql`select consultation_id as id, count(*)::int as count from policy_consultation_comments
      where status = 'pending' group by consultation_id`,
  );
  return new Map(rows.map((row) => [row.id, row.count]));
}
