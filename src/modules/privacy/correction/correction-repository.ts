import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { correctionRequests } from "../schema.js";

export type CorrectionStatus = "open" | "corrected" | "refused";

/** A correction request as the requester and officers read it (who answered is kept for the audit). */
export interface CorrectionRequest {
  id: string;
  number: number;
  /** The number people quote: "CR-000123". */
  reference: string;
  requesterUserId: string;
  caseId: string | null;
  caseNumber: string | null;
  agencyId: string;
  item: string;
  itemLabel: string;
  whatIsWrong: string;
  whatIsRight: string;
  status: CorrectionStatus;
  reply: string | null;
  answeredAt: string | null;
  createdAt: string;
}

export function correctionReference(number: number): string {
  return `CR-${String(number).padStart(6, "0")}`;
}

/** "CR-000123", "cr-123" or "123" → 123; null for anything else. */
export function parseCorrectionReference(text: string): number | null {
  const match = /^\s*(?:cr-?)?0*(\d{1,9})\s*$/i.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

type Row = typeof correctionRequests.$inferSelect;

function requestOf(row: Row): CorrectionRequest {
  return {
    id: row.id,
    number: row.number,
    reference: correctionReference(row.number),
    requesterUserId: row.requesterUserId,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    agencyId: row.agencyId,
    item: row.item,
    itemLabel: row.itemLabel,
    whatIsWrong: row.whatIsWrong,
    whatIsRight: row.whatIsRight,
    status: row.status,
    reply: row.reply,
    answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertCorrectionRequest(
  db: Queryable,
  row: Omit<typeof correctionRequests.$inferInsert, "number" | "status">,
): Promise<CorrectionRequest> {
  const [inserted] = await db
    .insert(correctionRequests)
    .values({ ...row, status: "open" })
    .returning();
  if (!inserted) throw new Error("correction request not stored");
  return requestOf(inserted);
}

/** The person's own requests, newest first. */
export async function listOwnCorrectionRequests(db: Queryable, userId: string): Promise<CorrectionRequest[]> {
  const rows = await db
    .select()
    .from(correctionRequests)
    .where(eq(correctionRequests.requesterUserId, userId))
    .orderBy(desc(correctionRequests.createdAt), desc(correctionRequests.number));
  return rows.map(requestOf);
}

export async function findCorrectionRequest(db: Queryable, id: string): Promise<CorrectionRequest | null> {
  const [row] = await db.select().from(correctionRequests).where(eq(correctionRequests.id, id)).limit(1);
  return row ? requestOf(row) : null;
}

export interface CorrectionQuery {
  /** The agency whose requests are listed; null for every agency. */
  agencyId: string | null;
  status: CorrectionStatus | null;
  number: number | null;
  limit: number;
  offset: number;
}

/** An agency's requests for the officers' list: open ones first in the order they came, then the rest. */
export async function listCorrectionRequests(
  db: Queryable,
  query: CorrectionQuery,
): Promise<{ requests: CorrectionRequest[]; total: number }> {
  const conditions: SQL[] = [];
  if (query.agencyId) conditions.push(eq(correctionRequests.agencyId, query.agencyId));
  if (query.status) conditions.push(eq(correctionRequests.status, query.status));
  if (query.number !== null) conditions.push(eq(correctionRequests.number, query.number));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(correctionRequests)
      .where(where)
      .orderBy(
        // Open requests wait for an answer: the oldest first; answered ones, the latest first.
        sql`${correctionRequests.status} = 'open' desc`,
        sql`case when ${correctionRequests.status} = 'open' then ${correctionRequests.createdAt} end asc`,
        desc(correctionRequests.createdAt),
        desc(correctionRequests.number),
      )
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(correctionRequests).where(where),
  ]);
  return { requests: rows.map(requestOf), total: totals[0]?.total ?? 0 };
}

/** Records the answer of an open request; null when it was answered already (by someone else meanwhile). */
export async function recordCorrectionAnswer(
  db: Queryable,
  id: string,
  answer: { status: "corrected" | "refused"; reply: string; answeredBy: string; answeredAt: Date },
): Promise<CorrectionRequest | null> {
  const [row] = await db
    .update(correctionRequests)
    .set(answer)
    .where(and(eq(correctionRequests.id, id), eq(correctionRequests.status, "open")))
    .returning();
  return row ? requestOf(row) : null;
}
