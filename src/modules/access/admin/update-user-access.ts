import { eq, inArray } from "drizzle-orm";
import { DomainError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { roles as rolesTable, userRoles, users } from "../schema.js";
import { type AdminContext, auditOrigin, authorizationOf, userRecord } from "./admin-context.js";
import { findAgency } from "./admin-repository.js";
import { checkGrantableRoles } from "./grantable-roles.js";
import { findManagedUser } from "./view-user.js";

export interface UserAccessChange {
  roles: string[];
  /** Staff only: the agency the person works for. */
  agencyId?: string | undefined;
}

/**
 * Changes what an account may do: its roles and, for staff, its agency. The administrator must
 * manage both the agency the person leaves and the one they join, and cannot take away their own
 * user administration (someone else has to). Takes effect on the person's next request.
 */
export async function updateUserAccess(
  context: AdminContext,
  userId: string,
  change: UserAccessChange,
): Promise<void> {
  const user = await findManagedUser(context, userId);
  const newAgencyId = user.kind === "staff" ? (change.agencyId ?? user.agencyId) : null;
  if (user.kind === "staff") {
    const agency = newAgencyId ? await findAgency(context.db, newAgencyId) : null;
    if (!agency || (!agency.active && agency.id !== user.agencyId)) {
      throw new DomainError("unknown_agency", 422, "access.errors.unknown_agency");
    }
    if (agency.id !== user.agencyId) {
      await authorize(authorizationOf(context), "admin.users", { ...userRecord(user), agencyId: agency.id });
    }
  }
  await checkGrantableRoles(
    context,
    context.db,
    change.roles,
    user.kind,
    {
      entityId: user.id,
      agencyId: user.agencyId,
    },
    user.roles,
  );
  if (user.id === context.principal.userId) await refuseLosingOwnAdministration(context, change.roles);

  const roles = [...new Set(change.roles)].sort();
  await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await tx.delete(userRoles).where(eq(userRoles.userId, user.id));
    await tx
      .insert(userRoles)
      .values(roles.map((roleCode) => ({ userId: user.id, roleCode, grantedAt: now })));
    await tx.update(users).set({ agencyId: newAgencyId, updatedAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "user.updated",
      outcome: "success",
      entityType: "user",
      entityId: user.id,
      agencyId: newAgencyId,
      details: {
        roles: roles.join(","),
        previousRoles: user.roles.join(","),
        agencyChanged: newAgencyId !== user.agencyId,
        ...(newAgencyId !== user.agencyId ? { previousAgencyId: user.agencyId } : {}),
      },
    });
  });
}

async function refuseLosingOwnAdministration(context: AdminContext, roleCodes: string[]): Promise<void> {
  const kept = await context.db
    .select({ permissions: rolesTable.permissions })
    .from(rolesTable)
    .where(inArray(rolesTable.code, roleCodes));
  if (!kept.some((role) => role.permissions.includes("admin.users"))) {
    throw new DomainError("cannot_remove_own_admin", 422, "admin.errors.cannotRemoveOwnAdmin");
  }
}
