import { ConflictError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { roles } from "../schema.js";
import { type AdminContext, auditOrigin, authorizationOf } from "./admin-context.js";
import { findRole } from "./admin-repository.js";
import { refuseScopeBeyondOwn, validRolePermissions } from "./role-rules.js";

export interface NewRole {
  code: string;
  nameAz: string;
  nameEn: string;
  nameRu: string;
  staff: boolean;
  permissions: string[];
}

/** A custom role for this installation; unlike the built-in roles it can be deleted while unused. */
export async function createRole(context: AdminContext, input: NewRole): Promise<void> {
  await authorize(authorizationOf(context), "admin.roles");
  const permissions = validRolePermissions(input.permissions, input.staff);
  await refuseScopeBeyondOwn(context, input.code, permissions);
  if (await findRole(context.db, input.code))
    throw new ConflictError("role_code_taken", "admin.errors.roleCodeTaken");
  await context.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(roles)
      .values({
        code: input.code,
        nameAz: input.nameAz,
        nameEn: input.nameEn,
        nameRu: input.nameRu,
        staff: input.staff,
        builtIn: false,
        permissions,
        createdAt: context.clock.now(),
      })
      .onConflictDoNothing({ target: roles.code })
      .returning({ code: roles.code });
    if (inserted.length === 0) throw new ConflictError("role_code_taken", "admin.errors.roleCodeTaken");
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "role.created",
      outcome: "success",
      entityType: "role",
      entityId: input.code,
      details: { staff: input.staff, permissions: permissions.join(",") },
    });
  });
}
