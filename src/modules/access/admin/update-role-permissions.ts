import { eq } from "drizzle-orm";
import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { isPermission } from "../permissions.js";
import { recordAudit } from "../record-audit.js";
import { roles } from "../schema.js";
import { type AdminContext, auditOrigin, authorizationOf } from "./admin-context.js";
import { findRole, permissionsThroughRoles } from "./admin-repository.js";
import { refuseScopeBeyondOwn, validRolePermissions } from "./role-rules.js";

/**
 * Sets a role's permissions. Everyone holding the role gets the new set on their next request
 * (permissions are read per request, not kept in the session). An administrator cannot take role
 * administration away from themselves.
 */
export async function updateRolePermissions(
  context: AdminContext,
  roleCode: string,
  requested: string[],
): Promise<void> {
  await authorize(authorizationOf(context), "admin.roles");
  const role = await findRole(context.db, roleCode);
  if (!role) throw new NotFoundError();
  const permissions = validRolePermissions(requested, role.staff);
  const added = permissions.filter((permission) => !role.permissions.includes(permission));
  const removed = role.permissions.filter((permission) => !permissions.some((kept) => kept === permission));
  await refuseScopeBeyondOwn(context, role.code, added);
  if (context.principal.roles.includes(role.code) && !permissions.includes("admin.roles")) {
    const throughOtherRoles = await permissionsThroughRoles(context.db, context.principal.userId, role.code);
    if (!throughOtherRoles.has("admin.roles")) {
      throw new DomainError("cannot_remove_own_role_admin", 422, "admin.errors.cannotRemoveOwnRoleAdmin");
    }
  }
  if (added.length === 0 && removed.length === 0) return;
  await context.db.transaction(async (tx) => {
    await tx.update(roles).set({ permissions }).where(eq(roles.code, role.code));
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "role.updated",
      outcome: "success",
      entityType: "role",
      entityId: role.code,
      details: { added: added.join(","), removed: removed.filter(isPermission).join(",") },
    });
  });
}
