import { DomainError } from "../../../platform/errors/index.js";
import { isPermission, type Permission } from "../permissions.js";
import { recordAudit } from "../record-audit.js";
import { permissionsForRoleKind } from "./admin-catalogues.js";
import { type AdminContext, auditOrigin } from "./admin-context.js";

/** Checks a role's new permission list: known, fitting the role's kind, sorted and unique. */
export function validRolePermissions(requested: string[], staff: boolean): Permission[] {
  const allowed = new Set<string>(permissionsForRoleKind(staff));
  const unique = [...new Set(requested)];
  if (unique.some((permission) => !isPermission(permission) || !allowed.has(permission))) {
    throw new DomainError("permission_not_allowed", 422, "admin.errors.permissionNotAllowed");
  }
  return unique.filter(isPermission).sort();
}

/**
 * Lifting agency scoping is the one permission an agency-scoped administrator must not hand out:
 * putting it on a role would give it to everyone holding the role, themselves included.
 */
export async function refuseScopeBeyondOwn(
  context: AdminContext,
  roleCode: string,
  added: readonly Permission[],
): Promise<void> {
  if (!added.includes("scope.all_agencies") || context.principal.permissions.has("scope.all_agencies"))
    return;
  await recordAudit(context.db, {
    ...auditOrigin(context),
    action: "access.denied",
    outcome: "denied",
    entityType: "role",
    entityId: roleCode,
    details: { permission: "scope.all_agencies", reason: "grant_beyond_scope" },
  });
  throw new DomainError("role_beyond_scope", 403, "admin.errors.roleBeyondScope");
}
