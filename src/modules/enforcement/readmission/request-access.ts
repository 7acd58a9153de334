import { authorize, recordAudit } from "../../access/index.js";
import type { ReadmissionContext } from "./readmission-module.js";

/**
 * Only readmission officers read or change requests; a request belongs to the agency of the
 * officer who registered it, and staff of another agency are refused (audited by `authorize`).
 */
export async function authorizeReadmission(
  context: ReadmissionContext,
  request?: { id: string; agencyId: string | null },
): Promise<string> {
  await authorize(
    { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId },
    "readmission.manage",
    request
      ? { entityType: "readmission_request", entityId: request.id, agencyId: request.agencyId }
      : undefined,
  );
  if (!context.principal) throw new Error("authorize lets no one without a principal through");
  return context.principal.userId;
}

/** Every read and change of a request (personal data) leaves an audit record. */
export async function auditReadmission(
  context: ReadmissionContext,
  db: Parameters<typeof recordAudit>[0],
  action: string,
  entry: { entityId?: string | undefined; details?: Record<string, string | number | boolean | null> },
): Promise<void> {
  await recordAudit(db, {
    actor: context.principal ? { type: "user", id: context.principal.userId } : { type: "system", id: null },
    action,
    outcome: "success",
    entityType: "readmission_request",
    entityId: entry.entityId,
    agencyId: context.principal?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details: entry.details,
  });
}
