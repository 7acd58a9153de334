import { sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";
import { type CaseNumber, caseNumbersOf } from "../../cases/index.js";

export interface ParkedCase {
  caseId: string;
  error: string;
  parkedAt: string;
  attempts: number;
}

/** The longest error text kept: enough to see the cause, bounded whatever a driver puts in it. */
const MAX_ERROR_LENGTH = 2000;

/** Sets cases aside with the error that stopped their projection; a case parked again counts one more attempt. */
export async function parkCases(
  db: Queryable,
  parked: Array<{ caseId: string; error: string }>,
  at: Date,
): Promise<void> {
  if (parked.length === 0) return;
  const rows = parked.map((item) => ({ case_id: item.caseId, error: item.error.slice(0, MAX_ERROR_LENGTH) }));
  await db.execute(sql`insert into stat_parked_cases (case_id, error, parked_at, attempts)
    select case_id, error, ${at.toISOString()}::timestamptz, 1
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(case_id uuid, error text)
    on conflict (case_id) do update
      set error = excluded.error, parked_at = excluded.parked_at, attempts = stat_parked_cases.attempts + 1`);
}

/** Takes cases off the list once their projection went through. */
export async function unparkCases(db: Queryable, caseIds: string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await db.execute(sql`delete from stat_parked_cases where case_id = ${anyOf(caseIds, "uuid")}`);
}

/**
 * After a rebuild, which replayed every case: these cases are parked (one more attempt for a case
 * parked before) and every other case is off the list, its records now written.
 */
export async function setParkedCases(
  db: Queryable,
  parked: Array<{ caseId: string; error: string }>,
  at: Date,
): Promise<void> {
  const ids = parked.map((item) => item.caseId);
  await db.execute(sql`delete from stat_parked_cases where not (case_id = ${anyOf(ids, "uuid")})`);
  await parkCases(db, parked, at);
}

/** The parked cases, oldest first (`caseIds` narrows the list). */
export async function listParkedCases(db: Queryable, caseIds?: string[]): Promise<ParkedCase[]> {
  const only = caseIds ? sql`where case_id = ${anyOf(caseIds, "uuid")}` : sql``;
  const rows = await queryRows<{ case_id: string; error: string; parked_at: string; attempts: number }>(
    db,
    sql`select case_id::text as case_id, error, to_char(parked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as parked_at,
          attempts from stat_parked_cases ${only} order by parked_at, case_id`,
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    error: row.error,
    parkedAt: row.parked_at,
    attempts: row.attempts,
  }));
}

export async function countParkedCases(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from stat_parked_cases`);
  return row?.n ?? 0;
}

/** A parked case as the administrators' page shows it: with the case number and the owning agency. */
export interface ParkedCaseForReview extends ParkedCase {
  /** Null when the case itself is gone (erased): the parked row is still worth retrying away. */
  caseNumber: string | null;
  agencyId: string | null;
}

/**
 * The parked cases with their case numbers, oldest first; `numberContains` keeps those whose case
 * number contains it (case-insensitive), so that one case can be found among many. The numbers
 * come from the case engine, which keeps them.
 */
export async function listParkedCasesForReview(
  db: Queryable,
  options: { numberContains?: string; limit: number },
): Promise<ParkedCaseForReview[]> {
  const search = options.numberContains?.trim();
  let only = sql``;
  let numbers: Map<string, CaseNumber> | undefined;
  if (search) {
    const parked = await queryRows<{ case_id: string }>(
      db,
      sql`select case_id::text as case_id from stat_parked_cases`,
    );
    numbers = await caseNumbersOf(
      db,
      parked.map((row) => row.case_id),
      search,
    );
    only = sql`where case_id = ${anyOf([...numbers.keys()], "uuid")}`;
  }
  const rows = await queryRows<{ case_id: string; error: string; parked_at: string; attempts: number }>(
    db,
    sql`select case_id::text as case_id, error,
          to_char(parked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as parked_at, attempts
        from stat_parked_cases ${only}
        order by parked_at, case_id limit ${options.limit}`,
  );
  numbers ??= await caseNumbersOf(
    db,
    rows.map((row) => row.case_id),
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    caseNumber: numbers.get(row.case_id)?.number ?? null,
    agencyId: numbers.get(row.case_id)?.agencyId ?? null,
    error: row.error,
    parkedAt: row.parked_at,
    attempts: row.attempts,
  }));
}
