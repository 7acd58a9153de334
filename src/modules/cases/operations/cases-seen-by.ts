import { and, asc, inArray, ne } from "drizzle-orm";
import { decide } from "../../access/index.js";
import { mayReadCaseType } from "../case-type-access.js";
import type { CasesContext } from "../cases-context.js";
import type { LocalizedText } from "../definition/case-type.js";
import { cases } from "../schema.js";
import { isUuid } from "../workspace/ids.js";

/** A case as another module's page lists it: enough to name it and link to its file. */
export interface CaseGlimpse {
  id: string;
  number: string;
  procedure: LocalizedText;
  state: LocalizedText;
  category: string;
  submittedAt: Date | null;
}

export interface CasesSeen {
  /** The cases the person may read, oldest first. */
  seen: CaseGlimpse[];
  /** Cases that exist but that the person may not read (another agency's): counted, never named. */
  unseen: number;
}

/**
 * Of the cases asked for, those the signed-in person may read (`cases.read`, scoped to the case's
 * agency as on the case file, and the type's `access.read`), and how many others there are. Drafts are the applicant's own and
 * neither shown nor counted. The answer names no case the person may not open, so the refusals are
 * not audited as denied accesses: nothing was read.
 */
export async function casesSeenBy(context: CasesContext, caseIds: readonly string[]): Promise<CasesSeen> {
  const ids = [...new Set(caseIds.filter((id) => isUuid(id)))];
  if (ids.length === 0) return { seen: [], unseen: 0 };
  const rows = await context.db
    .select({
      id: cases.id,
      number: cases.number,
      typeCode: cases.typeCode,
      typeVersion: cases.typeVersion,
      state: cases.state,
      category: cases.category,
      agencyId: cases.agencyId,
      applicantUserId: cases.applicantUserId,
      submittedAt: cases.submittedAt,
    })
    .from(cases)
    .where(and(inArray(cases.id, ids), ne(cases.category, "draft")))
    .orderBy(asc(cases.submittedAt), asc(cases.id));
  const seen: CaseGlimpse[] = [];
  let unseen = 0;
  for (const row of rows) {
    const record = {
      entityType: "case",
      entityId: row.id,
      agencyId: row.agencyId,
      ownerUserId: row.applicantUserId,
    };
    const definition = context.registry.get(row.typeCode, row.typeVersion);
    // A type only some roles may see (asylum) is not even counted: the count would tell it exists.
    if (!mayReadCaseType(context.principal, definition)) continue;
    if (!decide(context.principal, "cases.read", record).allowed) {
      unseen++;
      continue;
    }
    seen.push({
      id: row.id,
      number: row.number,
      procedure: definition.name,
      state: definition.states[row.state]?.label ?? { az: row.state, en: row.state, ru: row.state },
      category: row.category,
      submittedAt: row.submittedAt,
    });
  }
  return { seen, unseen };
}
