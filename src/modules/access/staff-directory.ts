import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import type { Permission } from "./permissions.js";
import { roles, userRoles, users } from "./schema.js";

export interface StaffMember {
  id: string;
  fullName: string;
  email: string;
}

/**
 * Active staff of an agency whose roles grant a permission: the officers a team lead may give a
 * case to (`cases.process`), the team leads to warn about an unassigned case (`cases.assign`).
 */
export async function listStaffWithPermission(
  db: Queryable,
  agencyId: string,
  permission: Permission,
): Promise<StaffMember[]> {
  return db
    .selectDistinct({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.code, userRoles.roleCode))
    .where(
      and(
        eq(users.agencyId, agencyId),
        eq(users.kind, "staff"),
        eq(users.status, "active"),
        sql`${permission} = any(${roles.permissions})`,
      ),
    )
    .orderBy(asc(users.fullName), asc(users.id));
}

export interface UserContact {
  id: string;
  fullName: string;
  email: string;
  locale: string;
  kind: "public" | "staff";
  agencyId: string | null;
  active: boolean;
}

/**
 * Names and addresses of users by id: who did what on a case (its history), and whom to tell
 * (the applicant asked for documents, the officer warned about a deadline).
 */
export async function findUserContacts(db: Queryable, ids: readonly string[]): Promise<UserContact[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      locale: users.locale,
      kind: users.kind,
      agencyId: users.agencyId,
      status: users.status,
    })
    .from(users)
    .where(inArray(users.id, wanted));
  return rows.map(({ status, ...row }) => ({ ...row, active: status === "active" }));
}

/**
 * Every active user, of any agency, whose roles grant a permission, with the language to write to
 * them in: whom to tell of work only they may do (the data protection officers of a new research
 * application).
 */
export async function listActiveUsersWithPermission(
  db: Queryable,
  permission: Permission,
): Promise<Array<StaffMember & { locale: string }>> {
  return db
    .selectDistinct({ id: users.id, fullName: users.fullName, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.code, userRoles.roleCode))
    .where(and(eq(users.status, "active"), sql`${permission} = any(${roles.permissions})`))
    .orderBy(asc(users.fullName), asc(users.id));
}
