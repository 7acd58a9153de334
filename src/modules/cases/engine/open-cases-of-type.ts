import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";

/** An open case as a module's watch over its own procedure needs it: whose it is and who has it. */
export interface OpenCase {
  id: string;
  agencyId: string;
  assignedTo: string | null;
}

/**
 * The submitted cases of a type that are not closed (decided cases included: an appeal may follow),
 * for a module that watches time limits of its own over them (asylum steps).
 */
export async function openCasesOfType(db: Queryable, typeCode: string): Promise<OpenCase[]> {
  const rows = await queryRows<{ id: string; agency_id: string; assigned_to: string | null }>(
    db,
    sql`select id, agency_id, assigned_to from cases
      where type_code = ${typeCode} and submitted_at is not null and category <> 'closed'
      order by id`,
  );
  return rows.map((row) => ({ id: row.id, agencyId: row.agency_id, assignedTo: row.assigned_to }));
}
