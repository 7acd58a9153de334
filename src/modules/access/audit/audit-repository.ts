import { and, asc, desc, eq, gt, inArray, isNull, like, lt, or, type SQL, sql } from "drizzle-orm";
import { countryProfile } from "../../../platform/country/index.js";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import { isUuid } from "../id-params.js";
import { agencies, auditRecords, auditSeals, users } from "../schema.js";
import type { AuditSearchFilters } from "./audit-filters.js";

/** An audit record as the auditor pages and the API show it. */
export interface AuditRecordView {
  id: number;
  at: Date;
  actorType: "user" | "api_key" | "system" | "anonymous";
  actorId: string | null;
  /** The user's name, for user actors that still exist. */
  actorName: string | null;
  action: string;
  outcome: "success" | "failure" | "denied";
  entityType: string | null;
  entityId: string | null;
  agencyId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, string | number | boolean | null> | null;
}

/** The filters once the actor is resolved to an id, and the agency scope of the reader. */
export interface ResolvedAuditQuery extends Omit<AuditSearchFilters, "actor"> {
  actorId?: string | undefined;
  /** Readers without all-agency scope see their agency's records and those of no agency. */
  onlyAgency?: string | null | undefined;
}

export interface AuditPageRequest {
  /** Records with a smaller id (older), newest first. */
  before?: number | undefined;
  /** Records with a larger id (newer), newest first. */
  after?: number | undefined;
  limit: number;
}

export interface AuditPage {
  records: AuditRecordView[];
  /** There are newer matching records than the first shown. */
  hasNewer: boolean;
  /** There are older matching records than the last shown. */
  hasOlder: boolean;
}

/** Start of a day in the country's time zone, computed by the database's time zone rules. */
const startOfDay = (day: string) =>
  sql`((${day})::date)::timestamp at time zone ${countryProfile().timeZone}`;

function conditions(query: ResolvedAuditQuery): SQL[] {
  const where: SQL[] = [];
  if (query.from) where.push(sql`${auditRecords.at} >= ${startOfDay(query.from)}`);
  if (query.to) where.push(sql`${auditRecords.at} < ${startOfDay(query.to)} + interval '1 day'`);
  if (query.actorId) where.push(eq(auditRecords.actorId, query.actorId));
  if (query.action?.endsWith("*")) {
    const prefix = query.action.slice(0, -1).replace(/[\\%_]/g, (character) => `\\${character}`);
    where.push(like(auditRecords.action, `${prefix}%`));
  } else if (query.action) {
    where.push(eq(auditRecords.action, query.action));
  }
  if (query.outcome) where.push(eq(auditRecords.outcome, query.outcome));
  if (query.entityType) where.push(eq(auditRecords.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditRecords.entityId, query.entityId));
  if (query.agency) where.push(eq(auditRecords.agencyId, query.agency));
  if (query.onlyAgency !== undefined) {
    const scope =
      query.onlyAgency === null
        ? isNull(auditRecords.agencyId)
        : or(isNull(auditRecords.agencyId), eq(auditRecords.agencyId, query.onlyAgency));
    if (scope) where.push(scope);
  }
  return where;
}

type AuditRow = typeof auditRecords.$inferSelect;

async function withActorNames(db: Queryable, rows: AuditRow[]): Promise<AuditRecordView[]> {
  const userIds = [
    ...new Set(
      rows
        .filter((row) => row.actorType === "user" && row.actorId && isUuid(row.actorId))
        .map((row) => row.actorId as string),
    ),
  ];
  const names = new Map<string, string>();
  if (userIds.length > 0) {
    const found = await db
      .select({ id: users.id, fullName: users.fullName })
      .from(users)
      .where(inArray(users.id, userIds));
    for (const user of found) names.set(user.id, user.fullName);
  }
  return rows.map((row) => ({
    ...row,
    actorName: row.actorType === "user" && row.actorId ? (names.get(row.actorId) ?? null) : null,
  }));
}

/** One page of matching records, newest first, by keyset on the id. */
export async function findAuditRecords(
  db: Queryable,
  query: ResolvedAuditQuery,
  page: AuditPageRequest,
): Promise<AuditPage> {
  const where = conditions(query);
  let rows: AuditRow[];
  if (page.after !== undefined) {
    rows = await db
      .select()
      .from(auditRecords)
      .where(and(...where, gt(auditRecords.id, page.after)))
      .orderBy(asc(auditRecords.id))
      .limit(page.limit);
    rows.reverse();
  } else {
    rows = await db
      .select()
      .from(auditRecords)
      .where(and(...where, page.before !== undefined ? lt(auditRecords.id, page.before) : undefined))
      .orderBy(desc(auditRecords.id))
      .limit(page.limit);
  }
  const newest = rows[0]?.id;
  const oldest = rows.at(-1)?.id;
  const exists = async (condition: SQL) => {
    const found = await db
      .select({ id: auditRecords.id })
      .from(auditRecords)
      .where(and(...where, condition))
      .limit(1);
    return found.length > 0;
  };
  const hasNewer =
    newest !== undefined
      ? await exists(gt(auditRecords.id, newest))
      : page.before !== undefined && (await exists(sql`${auditRecords.id} >= ${page.before}`));
  const hasOlder =
    oldest !== undefined
      ? await exists(lt(auditRecords.id, oldest))
      : page.after !== undefined && (await exists(sql`${auditRecords.id} <= ${page.after}`));
  return { records: await withActorNames(db, rows), hasNewer, hasOlder };
}

export async function findAuditRecord(db: Queryable, id: number): Promise<AuditRecordView | null> {
  const rows = await db.select().from(auditRecords).where(eq(auditRecords.id, id)).limit(1);
  const [record] = await withActorNames(db, rows);
  return record ?? null;
}

/** The user an e-mail address belongs to, for the actor filter. */
export async function findUserIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user?.id ?? null;
}

export interface AgencyChoice {
  id: string;
  code: string;
  names: { az: string; en: string; ru: string };
}

export async function listAgencies(db: Queryable): Promise<AgencyChoice[]> {
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameAz: agencies.nameAz,
      nameEn: agencies.nameEn,
      nameRu: agencies.nameRu,
    })
    .from(agencies)
    .orderBy(asc(agencies.code));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    names: { az: row.nameAz, en: row.nameEn, ru: row.nameRu },
  }));
}

export interface SealView {
  present: boolean;
  hash: string;
  batch: number;
  sealedAt: Date;
}

/** The seal of one record id and the hash it was chained to (the previous seal's). */
export async function findSealWithPrevious(
  db: Queryable,
  recordId: number,
): Promise<{ seal: SealView | null; previousHash: string | null }> {
  const rows = await db
    .select({
      recordId: auditSeals.recordId,
      present: auditSeals.present,
      hash: auditSeals.hash,
      batch: auditSeals.batch,
      sealedAt: auditSeals.sealedAt,
    })
    .from(auditSeals)
    .where(inArray(auditSeals.recordId, [recordId - 1, recordId]));
  const seal = rows.find((row) => Number(row.recordId) === recordId);
  const previous = rows.find((row) => Number(row.recordId) === recordId - 1);
  return {
    seal: seal
      ? { present: seal.present, hash: seal.hash, batch: seal.batch, sealedAt: seal.sealedAt }
      : null,
    previousHash: previous?.hash ?? null,
  };
}

export interface LastVerification {
  at: Date;
  actorType: AuditRecordView["actorType"];
  actorId: string | null;
  actorName: string | null;
  ok: boolean;
  problems: number;
  sealedUpTo: number;
}

/** The latest `audit.verified` record: when the chain was last checked, by whom, and the result. */
export async function findLastVerification(db: Queryable): Promise<LastVerification | null> {
  const rows = await db
    .select()
    .from(auditRecords)
    .where(eq(auditRecords.action, "audit.verified"))
    .orderBy(desc(auditRecords.at), desc(auditRecords.id))
    .limit(1);
  const [record] = await withActorNames(db, rows);
  if (!record) return null;
  return {
    at: record.at,
    actorType: record.actorType,
    actorId: record.actorId,
    actorName: record.actorName,
    ok: record.outcome === "success",
    problems: Number(record.details?.problems ?? 0),
    sealedUpTo: Number(record.details?.sealedUpTo ?? 0),
  };
}

/** When the last seal (the chain's head) was written. */
export async function findLastSealedAt(db: Queryable): Promise<Date | null> {
  const [row] = await db
    .select({ sealedAt: auditSeals.sealedAt })
    .from(auditSeals)
    .orderBy(desc(auditSeals.recordId))
    .limit(1);
  return row?.sealedAt ?? null;
}

export async function countAuditRecords(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as "count" from audit_records`,
  );
  return Number(row?.count ?? 0);
}
