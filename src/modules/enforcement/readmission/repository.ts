import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import type {
  CorrespondenceEntry,
  EvidenceItem,
  ReadmissionRequest,
  RequestPerson,
  RequestStatus,
} from "./request-record.js";
import {
  enforcementReadmissionCorrespondence as correspondence,
  enforcementReadmissionEvidence as evidence,
  enforcementReadmissionRequests as requests,
} from "./schema-tables.js";

type RequestRow = typeof requests.$inferSelect;
export type NewRequestRow = typeof requests.$inferInsert;
export type RequestChange = Partial<Omit<NewRequestRow, "id" | "createdAt">>;

function requestOf(row: RequestRow): ReadmissionRequest {
  return { ...row, person: row.person as unknown as RequestPerson, createdAt: row.createdAt.toISOString() };
}

export async function insertRequest(tx: Queryable, row: NewRequestRow): Promise<void> {
  await tx.insert(requests).values(row);
}

/** One request; `forUpdate` locks it, so that two changes of one request follow each other. */
export async function findRequest(
  tx: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReadmissionRequest | undefined> {
  const query = tx.select().from(requests).where(eq(requests.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ? requestOf(row) : undefined;
}

export async function updateRequest(tx: Queryable, id: string, change: RequestChange): Promise<void> {
  await tx.update(requests).set(change).where(eq(requests.id, id));
}

/** The dashboard's requests, newest first and at most 500: of one agency, or of all. */
export async function listRequests(
  tx: Queryable,
  filter: { agencyId: string | null; allAgencies: boolean },
): Promise<ReadmissionRequest[]> {
  const rows = await tx
    .select()
    .from(requests)
    .where(filter.allAgencies || !filter.agencyId ? undefined : eq(requests.agencyId, filter.agencyId))
    .orderBy(desc(requests.createdAt))
    .limit(500);
  return rows.map(requestOf);
}

/** Requests still waiting for a reply whose deadline in force is before `today`. */
export async function requestsPastReplyDeadline(tx: Queryable, today: string): Promise<ReadmissionRequest[]> {
  const rows = await tx
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.status, "awaiting_reply"),
        lt(sql`coalesce(${requests.extendedReplyDue}, ${requests.replyDue})`, today),
      ),
    )
    .orderBy(asc(requests.replyDue));
  return rows.map(requestOf);
}

/** Requests with a reply deadline in force between `today` and `until`, not yet warned of for it. */
export async function requestsWithReplyDeadlineUntil(
  tx: Queryable,
  today: string,
  until: string,
): Promise<ReadmissionRequest[]> {
  const due = sql`coalesce(${requests.extendedReplyDue}, ${requests.replyDue})`;
  const rows = await tx
    .select()
    .from(requests)
    .where(
      and(
        inArray(requests.status, ["awaiting_reply"] satisfies RequestStatus[]),
        sql`${due} between ${today} and ${until}`,
        sql`${requests.warnedFor} is distinct from ${due}`,
      ),
    );
  return rows.map(requestOf);
}

export async function insertCorrespondence(
  tx: Queryable,
  entry: {
    requestId: string;
    kind: string;
    direction: CorrespondenceEntry["direction"];
    onDate: string;
    note: string;
    recordedBy: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.insert(correspondence).values({
    id: randomUUID(),
    requestId: entry.requestId,
    kind: entry.kind,
    direction: entry.direction,
    onDate: entry.onDate,
    note: entry.note,
    recordedBy: entry.recordedBy,
    recordedAt: entry.at,
  });
}

export async function listCorrespondence(tx: Queryable, requestId: string): Promise<CorrespondenceEntry[]> {
  const rows = await tx
    .select()
    .from(correspondence)
    .where(eq(correspondence.requestId, requestId))
    .orderBy(asc(correspondence.recordedAt), asc(correspondence.onDate));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    direction: row.direction,
    onDate: row.onDate,
    note: row.note,
    recordedAt: row.recordedAt.toISOString(),
  }));
}

export async function insertEvidence(
  tx: Queryable,
  item: Omit<typeof evidence.$inferInsert, "id">,
): Promise<void> {
  await tx.insert(evidence).values({ id: randomUUID(), ...item });
}

export async function listEvidence(tx: Queryable, requestId: string): Promise<EvidenceItem[]> {
  const rows = await tx
    .select()
    .from(evidence)
    .where(eq(evidence.requestId, requestId))
    .orderBy(asc(evidence.addedAt));
  return rows.map((row) => ({
    id: row.id,
    evidenceKind: row.evidenceKind,
    documentId: row.documentId,
    fileName: row.fileName,
    mediaType: row.mediaType,
    addedAt: row.addedAt.toISOString(),
  }));
}
