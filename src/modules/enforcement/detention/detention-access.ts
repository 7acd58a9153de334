import type { Queryable } from "../../../platform/db/index.js";
import { authorize, recordAudit } from "../../access/index.js";
import type { DetentionContext } from "./detention-context.js";
import type { PlacementScope } from "./detention-records.js";

type AuditValue = string | number | boolean | null;

/** Only detention officers read or change the register; a refusal is audited by `authorize`. */
export async function authorizeDetention(
  context: DetentionContext,
  placement?: { id: string; agencyId: string | null },
): Promise<string> {
  await authorize(
    { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId },
    "detention.manage",
    placement
      ? { entityType: "detention_placement", entityId: placement.id, agencyId: placement.agencyId }
      : undefined,
  );
  if (!context.principal) throw new Error("authorize lets no one without a principal through");
  return context.principal.userId;
}

/** Every read and change of the register (personal data: a deprivation of liberty) is audited. */
export async function auditDetention(
  context: DetentionContext,
  db: Queryable,
  action: string,
  entry: { entityType: string; entityId?: string | undefined; details?: Record<string, AuditValue> },
): Promise<void> {
  await recordAudit(db, {
    actor: context.principal ? { type: "user", id: context.principal.userId } : { type: "system", id: null },
    action,
    outcome: "success",
    entityType: entry.entityType,
    entityId: entry.entityId,
    agencyId: context.principal?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details: entry.details,
  });
}

/** Whose stays an officer sees: their agency's, or every agency's with `scope.all_agencies`. */
export function placementScopeOf(context: DetentionContext): PlacementScope {
  const principal = context.principal;
  return principal?.permissions.has("scope.all_agencies") ? "all" : { agencyId: principal?.agencyId ?? null };
}
