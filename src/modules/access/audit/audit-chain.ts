import { createHmac } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";

/**
 * The hash chain over the audit trail. Each seal row links one record id to the previous seal:
 * hash = HMAC-SHA-256(audit key, previous hash + canonical content). The content is either the
 * record's canonical form, or a gap marker when no record had that id (a rolled-back insert).
 */

/** The "previous hash" of the first seal. */
export const genesisHash = "0".repeat(64);

/** Canonical form version: a new version would be a new chain, never a silent change. */
const canonicalVersion = "karvan.audit.v1";

/**
 * An audit record exactly as it is hashed. Every column is read as text by SQL (see
 * `canonicalColumns`), so that PGlite and a PostgreSQL server produce the same bytes: no driver
 * turns a timestamp into a millisecond Date or a bigint into a number on the way.
 */
export interface CanonicalRecord {
  id: string;
  /** UTC, microseconds, e.g. 2026-01-15T09:00:00.123456Z */
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  agencyId: string | null;
  ip: string | null;
  requestId: string | null;
  /** jsonb as text; parsed and re-serialised with sorted keys by `canonicalContent`. */
  details: string | null;
}

/** The select list that reads an audit record in canonical form; the table alias must be `r`. */
export const canonicalColumns: SQL = sql.raw(`
  r.id::text as "id",
  to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "at",
  r.actor_type as "actorType",
  r.actor_id as "actorId",
  r.action as "action",
  r.outcome as "outcome",
  r.entity_type as "entityType",
  r.entity_id as "entityId",
  r.agency_id::text as "agencyId",
  r.ip as "ip",
  r.request_id as "requestId",
  r.details::text as "details"`);

/** Records with ids in [fromId, toId], in id order, in canonical form. */
export async function canonicalRecordsBetween(
  db: Queryable,
  fromId: number,
  toId: number,
): Promise<CanonicalRecord[]> {
  return queryRows<CanonicalRecord>(
    db,
    sql`select ${canonicalColumns} from audit_records r
        where r.id >= ${fromId} and r.id <= ${toId} order by r.id`,
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level, so that equal values serialise identically. */
export function sortedJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${sortedJson(value[key] as Json)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The exact text hashed for a record: every column, in a fixed order. */
export function canonicalContent(record: CanonicalRecord): string {
  const details = record.details === null ? null : sortedJson(JSON.parse(record.details) as Json);
  return JSON.stringify([
    canonicalVersion,
    "record",
    record.id,
    record.at,
    record.actorType,
    record.actorId,
    record.action,
    record.outcome,
    record.entityType,
    record.entityId,
    record.agencyId,
    record.ip,
    record.requestId,
    details,
  ]);
}

/** The text hashed for an id that no record has. */
export function gapContent(recordId: number | string): string {
  return JSON.stringify([canonicalVersion, "gap", String(recordId)]);
}

export function chainHash(auditKey: string, previousHash: string, content: string): string {
  return createHmac("sha256", auditKey).update(previousHash).update(content).digest("hex");
}

export interface SealRow {
  recordId: number;
  present: boolean;
  hash: string;
  batch: number;
  sealedAt: Date;
}

/** Seals with record ids in [fromId, toId], in order. */
export async function sealsBetween(db: Queryable, fromId: number, toId: number): Promise<SealRow[]> {
  const rows = await queryRows<{
    recordId: string;
    present: boolean;
    hash: string;
    batch: number;
    sealedAt: string;
  }>(
    db,
    sql`select record_id::text as "recordId", present, hash, batch,
          to_char(sealed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "sealedAt"
        from audit_seals where record_id >= ${fromId} and record_id <= ${toId} order by record_id`,
  );
  return rows.map((row) => ({
    recordId: Number(row.recordId),
    present: row.present,
    hash: row.hash,
    batch: Number(row.batch),
    sealedAt: new Date(row.sealedAt),
  }));
}

/** The last seal: the chain's head (the sealed high-water mark and the hash to continue from). */
export async function chainHead(
  db: Queryable,
): Promise<{ sealedUpTo: number; hash: string; batch: number } | null> {
  const [row] = await queryRows<{ recordId: string; hash: string; batch: number }>(
    db,
    sql`select record_id::text as "recordId", hash, batch from audit_seals order by record_id desc limit 1`,
  );
  if (!row) return null;
  return { sealedUpTo: Number(row.recordId), hash: row.hash, batch: Number(row.batch) };
}

/** Records not sealed yet: those above the sealed high-water mark. */
export async function countRecordsAbove(db: Queryable, recordId: number): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as "count" from audit_records where id > ${recordId}`,
  );
  return Number(row?.count ?? 0);
}
