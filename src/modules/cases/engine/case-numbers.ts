import { sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";

/** A case's number and the agency that owns it. */
export interface CaseNumber {
  number: string;
  agencyId: string;
}

/**
 * The numbers and owning agencies of those of these cases that still exist, by id; with
 * `numberContains`, only the cases whose number contains it (case-insensitive), so that another
 * module's list of cases can be searched by number without reading the cases table itself.
 */
export async function caseNumbersOf(
  db: Queryable,
  caseIds: string[],
  numberContains?: string,
): Promise<Map<string, CaseNumber>> {
  const numbers = new Map<string, CaseNumber>();
  if (caseIds.length === 0) return numbers;
  const matching = numberContains
    ? sql`and number ilike ${`%${numberContains.replace(/[\\%_]/g, (character) => `\\${character}`)}%`}`
    : sql``;
  const rows = await queryRows<{ id: string; number: string; agency_id: string }>(
    db,
    sql`select id::text as id, number, agency_id::text as agency_id from cases
        where id = ${anyOf(caseIds, "uuid")} ${matching}`,
  );
  for (const row of rows) numbers.set(row.id, { number: row.number, agencyId: row.agency_id });
  return numbers;
}
