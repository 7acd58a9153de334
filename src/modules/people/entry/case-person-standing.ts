import { sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../../platform/db/index.js";
import type { CasePersonOutcome } from "./register-case-persons.js";

/**
 * Where each declared person of each case stands in the register now: linked to a person (by the
 * matcher, an officer or a merge), created as a new person, or waiting in an open review. What a
 * submission's answer tells its caller, and a repeated submission's too; the main role first, then
 * family members by slot. Nothing about any other person: no candidate, no name, no score.
 */
export async function casePersonStandings(
  db: Queryable,
  caseIds: string[],
): Promise<Map<string, CasePersonOutcome[]>> {
  const standings = new Map<string, CasePersonOutcome[]>();
  if (caseIds.length === 0) return standings;
  const ids = JSON.stringify(caseIds);
  const rows = await queryRowsPrepared<{
    case_id: string;
    role: string;
    slot: number;
    person_id: string | null;
    how: string | null;
  }>(
    db,
    sql`select case_id, role, slot, person_id, how from (
        select case_id, role, slot, person_id, how from people_case_links
          where case_id = any(array(select jsonb_array_elements_text(${ids}::jsonb)::uuid))
        union all
        select r.case_id, r.source->>'role', coalesce((r.source->>'slot')::int, 0), null, null
          from people_review_items r
          where r.case_id = any(array(select jsonb_array_elements_text(${ids}::jsonb)::uuid))
            and r.status = 'open'
      ) as standing
      order by case_id, role = 'family-member', role, slot`,
  );
  for (const row of rows) {
    const band = row.how === null ? "review" : row.how === "new" ? "new" : "linked";
    const outcome = { role: row.role, slot: row.slot, band, personId: row.person_id } as const;
    standings.set(row.case_id, [...(standings.get(row.case_id) ?? []), outcome]);
  }
  return standings;
}
