import { sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../platform/db/index.js";
import { isPermission, type Permission } from "./permissions.js";
import type { Principal } from "./principal.js";
import type { apiKeys } from "./schema.js";

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
  const { roleCodes, granted } = rolesOfRows(rows);
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

/** The holder's roles and permissions from one joined row per role. */
function rolesOfRows(rows: Array<{ role_code: string | null; role_permissions: string[] | null }>) {
  const roleCodes: string[] = [];
  const granted = new Set<Permission>();
  for (const row of rows) {
    if (row.role_code) roleCodes.push(row.role_code);
    for (const permission of row.role_permissions ?? [])
      if (isPermission(permission)) granted.add(permission);
  }
  return { roleCodes, granted };
}

interface SessionHolderRow {
  user_id: string;
  mfa_passed: boolean;
  created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  email: string | null;
  full_name: string | null;
  kind: "public" | "staff" | null;
  agency_id: string | null;
  status: string | null;
  locale: string | null;
  role_code: string | null;
  role_permissions: string[] | null;
}

export interface SessionHolder {
  session: { userId: string; mfaPassed: boolean; createdAt: Date; lastSeenAt: Date; expiresAt: Date };
  /** The holder's kind (it sets the idle limit); null when the account is missing or not active. */
  kind: "staff" | "public" | null;
  /** The holder with roles and permissions; null when the account is missing or not active. */
  principal: Principal | null;
}

/**
 * A session with its holder, in one query (the session's row, the user and the user's roles
 * joined): every page needs both, and three round trips to the database cost a page more server
 * time than rendering it. Returns null when no session has this hash.
 */
export async function loadSessionHolder(db: Queryable, idHash: string): Promise<SessionHolder | null> {
  const rows = await queryRowsPrepared<SessionHolderRow>(
    db,
    sql`select s.user_id, s.mfa_passed, s.created_at, s.last_seen_at, s.expires_at, u.email,
          u.full_name, u.kind, u.agency_id, u.status, u.locale, ur.role_code,
          r.permissions as role_permissions
        from sessions s
        left join users u on u.id = s.user_id
        left join user_roles ur on ur.user_id = u.id
        left join roles r on r.code = ur.role_code
        where s.id_hash = ${idHash}`,
  );
  const first = rows[0];
  if (!first) return null;
  const session = {
    userId: first.user_id,
    mfaPassed: first.mfa_passed,
    createdAt: new Date(first.created_at),
    lastSeenAt: new Date(first.last_seen_at),
    expiresAt: new Date(first.expires_at),
  };
  if (first.status !== "active" || first.kind === null) return { session, kind: null, principal: null };
  const { roleCodes, granted } = rolesOfRows(rows);
  return {
    session,
    kind: first.kind,
    principal: {
      userId: first.user_id,
      email: first.email ?? "",
      fullName: first.full_name ?? "",
      kind: first.kind,
      agencyId: first.agency_id,
      roles: roleCodes,
      permissions: granted,
      locale: first.locale ?? "",
    },
  };
}
