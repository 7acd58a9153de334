import { inArray } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import { recordAudit } from "../record-audit.js";
import { roles } from "../schema.js";
import { type AdminContext, auditOrigin } from "./admin-context.js";

/**
 * Checks that the administrator may give these roles to an account of this kind: the roles exist,
 * match the account's kind, and none newly given lifts agency scoping unless the administrator's own access is
 * not scoped either (an agency administrator cannot make anyone, or themselves, a national one).
 * Run it before the change's transaction: a refusal is audited, and must outlive the rollback.
 */
export async function checkGrantableRoles(
  context: AdminContext,
  db: Queryable,
  roleCodes: string[],
  kind: "public" | "staff",
  target: { entityId: string; agencyId: string | null },
  alreadyHeld: readonly string[] = [],
): Promise<void> {
  const wanted = [...new Set(roleCodes)];
  const found = await db
    .select({ code: roles.code, staff: roles.staff, permissions: roles.permissions })
    .from(roles)
    .where(inArray(roles.code, wanted));
  if (found.length !== wanted.length)
    throw new DomainError("unknown_role", 422, "access.errors.unknown_role");
  if (found.some((role) => role.staff !== (kind === "staff"))) {
    throw new DomainError("role_kind_mismatch", 422, "access.errors.role_kind_mismatch");
  }
  const beyondScope = found.filter(
    (role) => role.permissions.includes("scope.all_agencies") && !alreadyHeld.includes(role.code),
  );
  if (beyondScope.length > 0 && !context.principal.permissions.has("scope.all_agencies")) {
    await recordAudit(db, {
      ...auditOrigin(context),
      action: "access.denied",
      outcome: "denied",
      entityType: "user",
      entityId: target.entityId,
      agencyId: target.agencyId,
      details: {
        permission: "scope.all_agencies",
        reason: "grant_beyond_scope",
        roles: beyondScope.map((role) => role.code).join(","),
      },
    });
    throw new DomainError("role_beyond_scope", 403, "admin.errors.roleBeyondScope");
  }
}
