import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../platform/db/index.js";
import { isPermission, type Permission } from "./permissions.js";
import type { Principal } from "./principal.js";
import { type apiKeys, roles, userRoles, users } from "./schema.js";

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

interface ApiKeyOwnerRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  email: string;
  full_name: string;
  kind: "public" | "staff";
  agency_id: string | null;
  status: string;
  locale: string;
  role_code: string | null;
  role_permissions: string[] | null;
}

/**
 * An API key with its owner as a principal, in one query (the key's row, the owner and the
 * owner's roles joined): every API request needs both. `owner` is null when the account is not
 * active. Returns null when no key has this prefix.
 */
export async function loadApiKeyWithOwner(
  db: Queryable,
  prefix: string,
): Promise<{ key: typeof apiKeys.$inferSelect; owner: Principal | null } | null> {
  // Plain SQL: this runs on every API request, and building it with the query builder costs more
  // than running it.
  const rows = await queryRowsPrepared<ApiKeyOwnerRow>(
    db,
    sql`select k.id, k.user_id, k.name, k.prefix, k.key_hash, k.scopes, k.created_at, k.last_used_at,
          k.expires_at, k.revoked_at, u.email, u.full_name, u.kind, u.agency_id, u.status, u.locale,
          ur.role_code, r.permissions as role_permissions
        from api_keys k
        join users u on u.id = k.user_id
        left join user_roles ur on ur.user_id = u.id
        left join roles r on r.code = ur.role_code
        where k.prefix = ${prefix}`,
  );
  const first = rows[0];
  if (!first) return null;
  const timestamp = (value: Date | string | null) => (value === null ? null : new Date(value));
  const key = {
    id: first.id,
    userId: first.user_id,
    name: first.name,
    prefix: first.prefix,
    keyHash: first.key_hash,
    scopes: first.scopes,
    createdAt: new Date(first.created_at),
    lastUsedAt: timestamp(first.last_used_at),
    expiresAt: timestamp(first.expires_at),
    revokedAt: timestamp(first.revoked_at),
  };
  if (first.status !== "active") return { key, owner: null };
  const roleCodes: string[] = [];
  const granted = new Set<Permission>();
  for (const row of rows) {
    if (row.role_code) roleCodes.push(row.role_code);
    for (const permission of row.role_permissions ?? [])
      if (isPermission(permission)) granted.add(permission);
  }
  return {
    key,
    owner: {
      userId: first.user_id,
      email: first.email,
      fullName: first.full_name,
      kind: first.kind,
      agencyId: first.agency_id,
      roles: roleCodes,
      permissions: granted,
      locale: first.locale,
    },
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
