import { and, eq, sql } from "drizzle-orm";
import { ConflictError, DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { roles, userRoles } from "../schema.js";
import { type AdminContext, auditOrigin, authorizationOf } from "./admin-context.js";
import { findRole } from "./admin-repository.js";

/** Deletes a custom role that no account holds. Built-in roles stay: code and seed data rely on them. */
export async function deleteRole(context: AdminContext, roleCode: string): Promise<void> {
  await authorize(authorizationOf(context), "admin.roles");
  const role = await findRole(context.db, roleCode);
  if (!role) throw new NotFoundError();
  if (role.builtIn) throw new DomainError("role_built_in", 422, "admin.errors.roleBuiltIn");
  await context.db.transaction(async (tx) => {
    // Checked again in the statement itself, so that a grant made meanwhile is not orphaned.
    const deleted = await tx
      .delete(roles)
      .where(
        and(
          eq(roles.code, role.code),
          sql`not exists (select 1 from ${userRoles} where ${userRoles.roleCode} = ${roles.code})`,
        ),
      )
      .returning({ code: roles.code });
    if (deleted.length === 0) throw new ConflictError("role_in_use", "admin.errors.roleInUse");
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "role.deleted",
      outcome: "success",
      entityType: "role",
      entityId: role.code,
    });
  });
}
