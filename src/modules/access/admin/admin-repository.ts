import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { isUuid } from "../id-params.js";
import { agencies, roles, userRoles, users } from "../schema.js";

export type UserKind = "public" | "staff";
export type UserStatus = "pending_verification" | "active" | "disabled";

export interface UserFilters {
  /** Part of a name or e-mail address. */
  query?: string | undefined;
  kind?: UserKind | undefined;
  agencyId?: string | undefined;
  role?: string | undefined;
  status?: UserStatus | undefined;
}

export interface UserListRow {
  id: string;
  fullName: string;
  email: string;
  kind: UserKind;
  agencyId: string | null;
  status: UserStatus;
  mfaEnabled: boolean;
  roles: string[];
}

export interface UserDetail extends UserListRow {
  locale: string;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function userConditions(filters: UserFilters): SQL | undefined {
  const conditions: SQL[] = [];
  const query = filters.query?.trim();
  if (query) {
    const pattern = `%${escapeLike(query)}%`;
    const either = or(ilike(users.fullName, pattern), ilike(users.email, pattern));
    if (either) conditions.push(either);
  }
  if (filters.kind) conditions.push(eq(users.kind, filters.kind));
  if (filters.agencyId) conditions.push(eq(users.agencyId, filters.agencyId));
  if (filters.status) conditions.push(eq(users.status, filters.status));
  if (filters.role) {
    conditions.push(
      sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.roleCode} = ${filters.role})`,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

async function roleCodesByUser(db: Queryable, userIds: string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: userRoles.userId, roleCode: userRoles.roleCode })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.roleCode));
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.roleCode]);
  return byUser;
}

const userColumns = {
  id: users.id,
  fullName: users.fullName,
  email: users.email,
  kind: users.kind,
  agencyId: users.agencyId,
  status: users.status,
  mfaEnabledAt: users.mfaEnabledAt,
};

export async function searchUsers(
  db: Queryable,
  filters: UserFilters,
  page: { number: number; size: number },
): Promise<{ rows: UserListRow[]; total: number }> {
  const where = userConditions(filters);
  const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(users).where(where);
  const found = await db
    .select(userColumns)
    .from(users)
    .where(where)
    .orderBy(asc(sql`lower(${users.fullName})`), asc(users.id))
    .limit(page.size)
    .offset((page.number - 1) * page.size);
  const rolesOf = await roleCodesByUser(
    db,
    found.map((row) => row.id),
  );
  return {
    total: counted?.total ?? 0,
    rows: found.map(({ mfaEnabledAt, ...row }) => ({
      ...row,
      mfaEnabled: mfaEnabledAt !== null,
      roles: rolesOf.get(row.id) ?? [],
    })),
  };
}

export async function findUser(db: Queryable, userId: string): Promise<UserDetail | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select({
      ...userColumns,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  const { mfaEnabledAt, ...rest } = row;
  const rolesOf = await roleCodesByUser(db, [userId]);
  return { ...rest, mfaEnabled: mfaEnabledAt !== null, roles: rolesOf.get(userId) ?? [] };
}

export interface RoleRow {
  code: string;
  nameAz: string;
  nameEn: string;
  nameRu: string;
  staff: boolean;
  builtIn: boolean;
  permissions: string[];
}

export interface RoleWithUsage extends RoleRow {
  userCount: number;
}

const roleColumns = {
  code: roles.code,
  nameAz: roles.nameAz,
  nameEn: roles.nameEn,
  nameRu: roles.nameRu,
  staff: roles.staff,
  builtIn: roles.builtIn,
  permissions: roles.permissions,
};

export async function listRoles(db: Queryable): Promise<RoleWithUsage[]> {
  const rows = await db
    .select({ ...roleColumns, userCount: sql<number>`count(${userRoles.userId})::int` })
    .from(roles)
    .leftJoin(userRoles, eq(userRoles.roleCode, roles.code))
    .groupBy(roles.code)
    .orderBy(sql`${roles.staff} asc`, sql`${roles.builtIn} desc`, asc(roles.createdAt), asc(roles.code));
  return rows;
}

export async function findRole(db: Queryable, code: string): Promise<RoleWithUsage | null> {
  const [row] = await db
    .select({ ...roleColumns, userCount: sql<number>`count(${userRoles.userId})::int` })
    .from(roles)
    .leftJoin(userRoles, eq(userRoles.roleCode, roles.code))
    .where(eq(roles.code, code))
    .groupBy(roles.code);
  return row ?? null;
}

/** The permissions a user holds through their roles as stored now, leaving one role out if asked. */
export async function permissionsThroughRoles(
  db: Queryable,
  userId: string,
  exceptRoleCode?: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ permissions: roles.permissions })
    .from(userRoles)
    .innerJoin(roles, eq(roles.code, userRoles.roleCode))
    .where(
      exceptRoleCode
        ? and(eq(userRoles.userId, userId), ne(userRoles.roleCode, exceptRoleCode))
        : eq(userRoles.userId, userId),
    );
  return new Set(rows.flatMap((row) => row.permissions));
}

export interface AgencyRow {
  id: string;
  code: string;
  kind: string;
  nameAz: string;
  nameEn: string;
  nameRu: string;
  region: string | null;
  active: boolean;
}

export interface AgencyWithUsage extends AgencyRow {
  /** Users of the agency who are not disabled. */
  liveUserCount: number;
}

const agencyColumns = {
  id: agencies.id,
  code: agencies.code,
  kind: agencies.kind,
  nameAz: agencies.nameAz,
  nameEn: agencies.nameEn,
  nameRu: agencies.nameRu,
  region: agencies.region,
  active: agencies.active,
};

export async function listAgencies(db: Queryable): Promise<AgencyWithUsage[]> {
  return db
    .select({
      ...agencyColumns,
      liveUserCount: sql<number>`count(${users.id}) filter (where ${users.status} <> 'disabled')::int`,
    })
    .from(agencies)
    .leftJoin(users, eq(users.agencyId, agencies.id))
    .groupBy(agencies.id)
    .orderBy(sql`${agencies.active} desc`, asc(agencies.code));
}

export async function findAgency(db: Queryable, agencyId: string): Promise<AgencyWithUsage | null> {
  if (!isUuid(agencyId)) return null;
  const [row] = await db
    .select({
      ...agencyColumns,
      liveUserCount: sql<number>`count(${users.id}) filter (where ${users.status} <> 'disabled')::int`,
    })
    .from(agencies)
    .leftJoin(users, eq(users.agencyId, agencies.id))
    .where(eq(agencies.id, agencyId))
    .groupBy(agencies.id);
  return row ?? null;
}

export async function agencyCodeTaken(db: Queryable, code: string, exceptId?: string): Promise<boolean> {
  const condition = exceptId
    ? and(sql`lower(${agencies.code}) = lower(${code})`, ne(agencies.id, exceptId))
    : sql`lower(${agencies.code}) = lower(${code})`;
  const [row] = await db.select({ found: count() }).from(agencies).where(condition);
  return (row?.found ?? 0) > 0;
}
