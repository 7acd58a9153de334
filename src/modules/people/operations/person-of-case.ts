import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { isRegisterId } from "../register/ids.js";
import { peopleCaseLinks } from "../schema.js";

/** The persons a case is linked to, by role and slot (one id once, even in two roles). */
export async function personOfCase(db: Queryable, caseId: string): Promise<string[]> {
  if (!isRegisterId(caseId)) return [];
  const rows = await db
    .select({ personId: peopleCaseLinks.personId })
    .from(peopleCaseLinks)
    .where(eq(peopleCaseLinks.caseId, caseId))
    .orderBy(asc(peopleCaseLinks.role), asc(peopleCaseLinks.slot));
  return [...new Set(rows.map((row) => row.personId))];
}
