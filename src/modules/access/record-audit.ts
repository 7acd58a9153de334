import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import type { AuditActor } from "./principal.js";
import { auditRecords } from "./schema.js";

export type AuditOutcome = "success" | "failure" | "denied";

/**
 * One entry of the audit trail. Names the record (type and id), never its contents: no names,
 * document numbers or free text about a person goes into `details`.
 */
export interface AuditEntry {
  actor: AuditActor;
  action: string;
  outcome: AuditOutcome;
  entityType?: string | undefined;
  entityId?: string | undefined;
  agencyId?: string | null | undefined;
  ip?: string | undefined;
  requestId?: string | undefined;
  details?: Record<string, string | number | boolean | null> | undefined;
}

/**
 * Appends to the audit trail. Pass the transaction of the change being audited so that the
 * record and the change commit together; sealing happens later, in batches (audit-sealer.ts).
 */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditRecords).values(auditRow(entry));
}

/**
 * The INSERT of these records as a statement to compose into another module's statement (a
 * data-modifying CTE), so that a change and its audit records are written in one round trip.
 * With `onlyIf` (a boolean SQL expression), the records are written only when it holds.
 */
export function auditRecordsInsert(entries: AuditEntry[], onlyIf: SQL = sql`true`): SQL {
  const rows = entries.map((entry) => {
    const row = auditRow(entry);
    return {
      actor_type: row.actorType,
      actor_id: row.actorId,
      action: row.action,
      outcome: row.outcome,
      entity_type: row.entityType,
      entity_id: row.entityId,
      agency_id: row.agencyId,
      ip: row.ip,
      request_id: row.requestId,
      details: row.details,
    };
  });
  return sql`insert into audit_records (actor_type, actor_id, action, outcome, entity_type, entity_id, agency_id,
      ip, request_id, details)
    select actor_type, actor_id, action, outcome, entity_type, entity_id, agency_id, ip, request_id, details
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(actor_type text, actor_id text, action text,
      outcome text, entity_type text, entity_id text, agency_id uuid, ip text, request_id text, details jsonb)
    where ${onlyIf}`;
}

function auditRow(entry: AuditEntry) {
  return {
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    action: entry.action,
    outcome: entry.outcome,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    agencyId: entry.agencyId ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    details: entry.details ?? null,
  };
}
