import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import { caseRepresentatives } from "./schema.js";

/**
 * Who follows a case in the portal besides an applicant account that started it: a lawyer or a
 * guardian, or, for a case an officer registered, the applicant themself and family members of age.
 */
export type RepresentativeRole = "lawyer" | "guardian" | "applicant" | "family-member";
export const representativeRoles: readonly RepresentativeRole[] = [
  "applicant",
  "family-member",
  "lawyer",
  "guardian",
];

/** The roles of the persons the case is about (not their representatives). */
export function isOwnAccess(role: RepresentativeRole): boolean {
  return role === "applicant" || role === "family-member";
}

export interface CaseRepresentative {
  id: string;
  caseId: string;
  userId: string;
  role: RepresentativeRole;
  addedBy: string;
  addedAt: Date;
  endedBy: string | null;
  endedAt: Date | null;
}

/** The representations of a case, current and ended, the newest first. */
export async function representativesOfCase(db: Queryable, caseId: string): Promise<CaseRepresentative[]> {
  return db
    .select()
    .from(caseRepresentatives)
    .where(eq(caseRepresentatives.caseId, caseId))
    .orderBy(desc(caseRepresentatives.addedAt), desc(caseRepresentatives.id));
}

/** The role in which this account follows this case now, if it does. */
export async function accessRoleOnCase(
  db: Queryable,
  caseId: string,
  userId: string,
): Promise<RepresentativeRole | null> {
  const [row] = await db
    .select({ role: caseRepresentatives.role })
    .from(caseRepresentatives)
    .where(
      and(
        eq(caseRepresentatives.caseId, caseId),
        eq(caseRepresentatives.userId, userId),
        isNull(caseRepresentatives.endedAt),
      ),
    )
    .limit(1);
  return row?.role ?? null;
}

/** The accounts that follow this case now (applicant, family members, representatives). */
export async function currentFollowersOfCase(
  db: Queryable,
  caseId: string,
): Promise<Array<{ userId: string; role: RepresentativeRole }>> {
  return db
    .select({ userId: caseRepresentatives.userId, role: caseRepresentatives.role })
    .from(caseRepresentatives)
    .where(and(eq(caseRepresentatives.caseId, caseId), isNull(caseRepresentatives.endedAt)));
}

/** Takes every access to the case away, ended or not: the case is being anonymised. */
export async function removeAccessToCase(db: Queryable, caseId: string): Promise<void> {
  await db.delete(caseRepresentatives).where(eq(caseRepresentatives.caseId, caseId));
}

/** The cases this account represents now. */
export async function representedCaseIds(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db
    .select({ caseId: caseRepresentatives.caseId })
    .from(caseRepresentatives)
    .where(and(eq(caseRepresentatives.userId, userId), isNull(caseRepresentatives.endedAt)));
  return rows.map((row) => row.caseId);
}
