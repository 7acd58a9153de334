import type { Database } from "../../../platform/db/index.js";
import { authorize } from "../authorize.js";
import type { Permission } from "../permissions.js";
import type { Principal } from "../principal.js";
import type { AnchorSource } from "./check-audit-anchor.js";

/** What every auditor operation is given: who reads, from where, and the chain's key. */
export interface AuditorContext {
  db: Database;
  principal: Principal | null;
  auditKey: string;
  /** Where the audit chain's head is anchored outside the database. */
  anchors?: AnchorSource | undefined;
  ip?: string | undefined;
  requestId?: string | undefined;
}

const readPermission: Permission = "audit.read";

/** Refuses (and audits the refusal) unless the reader holds audit.read. */
export async function authorizeAuditor(context: AuditorContext): Promise<Principal> {
  await authorize(context, readPermission);
  return context.principal as Principal;
}

/**
 * Readers without all-agency scope see the records of their own agency and those that belong to
 * no agency (sign-ins, system work), as `decide` allows for a single record.
 */
export function agencyScopeOf(principal: Principal): string | null | undefined {
  return principal.permissions.has("scope.all_agencies") ? undefined : principal.agencyId;
}

/** Audit details hold no undefined values: an absent filter is simply not there. */
export function presentOnly(
  values: Record<string, string | number | boolean | null | undefined>,
): Record<string, string | number | boolean | null> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
    string,
    string | number | boolean | null
  >;
}
