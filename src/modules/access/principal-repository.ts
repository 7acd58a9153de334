import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import { isPermission, type Permission } from "./permissions.js";
import type { Principal } from "./principal.js";
import { roles, userRoles, users } from "./schema.js";

export interface UserSummary {
  id: string;
  email: string;
  fullName: string;
  kind: "public" | "staff";
  agencyId: string | null;
  status: "pending_verification" | "active" | "disabled";
  locale: string;
  mfaEnabled: boolean;
}

/** The user with roles and permissions, as the request needs it; null when missing or not active. */
export async function loadPrincipal(db: Queryable, userId: string): Promise<Principal | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      kind: users.kind,
      agencyId: users.agencyId,
      status: users.status,
      locale: users.locale,
      roleCode: userRoles.roleCode,
      rolePermissions: roles.permissions,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(roles, eq(roles.code, userRoles.roleCode))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (first?.status !== "active") return null;
  const roleCodes: string[] = [];
  const granted = new Set<Permission>();
  for (const row of rows) {
    if (row.roleCode) roleCodes.push(row.roleCode);
    for (const permission of row.rolePermissions ?? []) if (isPermission(permission)) granted.add(permission);
  }
  return {
    userId: first.id,
    email: first.email,
    fullName: first.fullName,
    kind: first.kind,
    agencyId: first.agencyId,
    roles: roleCodes,
    permissions: granted,
    locale: first.locale,
  };
}

export async function findUserKind(db: Queryable, userId: string): Promise<"staff" | "public" | null> {
  const [row] = await db
    .select({ kind: users.kind, status: users.status })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (row?.status !== "active") return null;
  return row.kind;
}
