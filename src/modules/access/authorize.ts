import type { Queryable } from "../../platform/db/index.js";
import { ForbiddenError, NotFoundError } from "../../platform/errors/index.js";
import type { Permission } from "./permissions.js";
import { actorOf, type Principal } from "./principal.js";
import { type AuditEntry, recordAudit } from "./record-audit.js";

/** What a permission is checked against: the record itself, with the facts that scope it. */
export interface ProtectedRecord {
  entityType: string;
  entityId: string;
  /** The agency that owns the record; staff of other agencies are refused. */
  agencyId?: string | null;
  /** The public user the record belongs to (an applicant's own application). */
  ownerUserId?: string | null;
}

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: "no_permission" | "other_agency" | "not_owner" };

/**
 * The single place where a permission is decided against an object. Pure: it does not audit;
 * use `authorize` in operations, which audits refusals and throws.
 */
export function decide(
  principal: Principal | null,
  permission: Permission,
  record?: ProtectedRecord,
): Decision {
  if (!principal?.permissions.has(permission)) return { allowed: false, reason: "no_permission" };
  if (!record) return { allowed: true };
  if (principal.kind === "public") {
    // Public users reach only their own records, whatever their permissions say.
    if (record.ownerUserId !== principal.userId) return { allowed: false, reason: "not_owner" };
    return { allowed: true };
  }
  if (
    record.agencyId &&
    !principal.permissions.has("scope.all_agencies") &&
    record.agencyId !== principal.agencyId
  ) {
    return { allowed: false, reason: "other_agency" };
  }
  return { allowed: true };
}

export interface AuthorizationContext {
  db: Queryable;
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
}

const pendingRefusals = new WeakMap<object, AuditEntry>();

/**
 * The refusal audit an operation deferred (see `authorize`'s `deferAudit`): write it once the
 * transaction that was refused has rolled back, or it would be rolled back with it.
 */
export function takeDeferredRefusalAudit(error: unknown): AuditEntry | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const entry = pendingRefusals.get(error);
  pendingRefusals.delete(error);
  return entry;
}

/**
 * Checks the permission on the record; on refusal writes an audit record and throws. Someone
 * else's record answers 404, so that its existence is not revealed. Inside a transaction pass
 * `deferAudit`: the audit record then travels with the error (`takeDeferredRefusalAudit`).
 */
export async function authorize(
  context: AuthorizationContext,
  permission: Permission,
  record?: ProtectedRecord,
  options: { deferAudit?: boolean } = {},
): Promise<void> {
  const decision = decide(context.principal, permission, record);
  if (decision.allowed) return;
  const entry: AuditEntry = {
    actor: actorOf(context.principal),
    action: "access.denied",
    outcome: "denied",
    entityType: record?.entityType,
    entityId: record?.entityId,
    agencyId: record?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details: { permission, reason: decision.reason },
  };
  const error =
    decision.reason === "not_owner" || decision.reason === "other_agency"
      ? new NotFoundError()
      : new ForbiddenError();
  if (options.deferAudit) pendingRefusals.set(error, entry);
  else await recordAudit(context.db, entry);
  throw error;
}
