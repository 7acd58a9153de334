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
  await db.insert(auditRecords).values({
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
  });
}
