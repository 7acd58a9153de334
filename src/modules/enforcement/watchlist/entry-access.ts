import { authorize, recordAudit } from "../../access/index.js";
import type { EnforcementContext } from "../enforcement-context.js";

/** Only watch-list officers read or change the lists; a refusal is audited by `authorize`. */
export async function authorizeWatchList(context: EnforcementContext): Promise<string> {
  await authorize(
    { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId },
    "watchlist.manage",
  );
  if (!context.principal) throw new Error("authorize lets no one without a principal through");
  return context.principal.userId;
}

/** Every read and change of watch-list entries (personal data) leaves an audit record. */
export async function auditWatchList(
  context: EnforcementContext,
  db: EnforcementContext["db"] | Parameters<typeof recordAudit>[0],
  action: string,
  entry: { entityId?: string | undefined; details?: Record<string, string | number | boolean | null> },
): Promise<void> {
  await recordAudit(db, {
    actor: context.principal ? { type: "user", id: context.principal.userId } : { type: "system", id: null },
    action,
    outcome: "success",
    entityType: "watch_list_entry",
    entityId: entry.entityId,
    agencyId: context.principal?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details: entry.details,
  });
}
