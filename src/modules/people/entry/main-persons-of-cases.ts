import { sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";

/**
 * The register person each case is about: the one linked in the case's main role (applicant, guest or
 * worker, first of its role), never a family member. Cases whose main person is not linked (not yet
 * registered, or waiting in review) are absent.
 */
export async function mainPersonsOfCases(db: Queryable, caseIds: string[]): Promise<Map<string, string>> {
  const persons = new Map<string, string>();
  if (caseIds.length === 0) return persons;
  const rows = await queryRows<{ case_id: string; person_id: string }>(
    db,
    sql`select case_id, person_id from people_case_links
      where case_id = ${anyOf(caseIds, "uuid")} and role <> 'family-member' and slot = 0
      order by case_id, role`,
  );
  for (const row of rows) if (!persons.has(row.case_id)) persons.set(row.case_id, row.person_id);
  return persons;
}
