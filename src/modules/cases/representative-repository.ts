import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import { caseRepresentatives } from "./schema.js";

export type RepresentativeRole = "lawyer" | "guardian";
export const representativeRoles: readonly RepresentativeRole[] = ["lawyer", "guardian"];

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

/** Whether this account represents this case now. */
export async function representsCase(db: Queryable, caseId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: caseRepresentatives.id })
    .from(caseRepresentatives)
    .where(
      and(
        eq(caseRepresentatives.caseId, caseId),
        eq(caseRepresentatives.userId, userId),
        isNull(caseRepresentatives.endedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The cases this account represents now. */
export async function representedCaseIds(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db
    .select({ caseId: caseRepresentatives.caseId })
    .from(caseRepresentatives)
    .where(and(eq(caseRepresentatives.userId, userId), isNull(caseRepresentatives.endedAt)));
  return rows.map((row) => row.caseId);
}
