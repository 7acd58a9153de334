import { type SQL, sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";

/**
 * What the retention job needs to find in the case tables: drafts nobody has changed for a while,
 * and decided or closed cases whose retention period has run out. The job (privacy module) decides
 * the periods; these queries only apply them.
 */

/** A draft as the retention job sees it: enough to tell the applicant, nothing of the answers. */
export interface IdleDraft {
  id: string;
  number: string;
  typeCode: string;
  typeVersion: number;
  applicantUserId: string | null;
  agencyId: string;
  updatedAt: Date;
}

/** Drafts last changed before `changedBefore`, oldest first, in pages (keyset on the id). */
export async function listIdleDrafts(
  db: Queryable,
  options: { changedBefore: Date; after?: string | undefined; limit: number },
): Promise<IdleDraft[]> {
  const rows = await queryRows<{
    id: string;
    number: string;
    type_code: string;
    type_version: number;
    applicant_user_id: string | null;
    agency_id: string;
    updated_at: Date | string;
  }>(
    db,
    sql`select id, number, type_code, type_version, applicant_user_id, agency_id, updated_at
        from cases
        where category = 'draft' and updated_at < ${options.changedBefore.toISOString()}::timestamptz
          ${options.after ? sql`and id > ${options.after}::uuid` : sql``}
        order by id
        limit ${options.limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    typeCode: row.type_code,
    typeVersion: row.type_version,
    applicantUserId: row.applicant_user_id,
    agencyId: row.agency_id,
    updatedAt: new Date(row.updated_at),
  }));
}

/** How many drafts were last changed before the date. */
export async function countIdleDrafts(db: Queryable, changedBefore: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cases
        where category = 'draft' and updated_at < ${changedBefore.toISOString()}::timestamptz`,
  );
  return row?.n ?? 0;
}

/**
 * What retention removes from a finished case: its personal data (`case`: answers, documents,
 * free text, the link to the applicant's account), or only its uploaded documents (`documents`).
 * The mark of each is kept in the case's first event, so the case is found once.
 */
export type RetentionScope = "case" | "documents";

export const retentionMarks: Record<RetentionScope, string> = {
  case: "anonymisedAt",
  documents: "documentsRemovedAt",
};

/** A rule of the form "cases of these procedures (or of all others) ended before the cutoff". */
export interface FinishedCaseRule {
  scope: RetentionScope;
  /** Only these procedures; with `exceptTypeCodes`, all procedures but these. */
  typeCodes?: string[] | undefined;
  exceptTypeCodes?: string[] | undefined;
  endedBefore: Date;
}

/**
 * When a finished case ended for retention: its last change, or the day after its issued
 * document's last valid day when that is later (nobody removes a case whose permit still runs).
 */
const endedAt = sql`greatest(c.updated_at, ((c.decision ->> 'validTo')::date + 1)::timestamptz)`;

function finishedCaseFilter(rule: FinishedCaseRule): SQL {
  const marks =
    rule.scope === "case"
      ? sql`e.payload ? 'anonymisedAt'`
      : sql`(e.payload ? 'anonymisedAt' or e.payload ? 'documentsRemovedAt')`;
  return sql`c.category in ('decided', 'closed')
    and ${endedAt} < ${rule.endedBefore.toISOString()}::timestamptz
    ${rule.typeCodes ? sql`and c.type_code = ${anyOf(rule.typeCodes)}` : sql``}
    ${rule.exceptTypeCodes?.length ? sql`and not (c.type_code = ${anyOf(rule.exceptTypeCodes)})` : sql``}
    ${rule.scope === "documents" ? sql`and jsonb_array_length(c.documents) > 0` : sql``}
    and not exists (select 1 from case_events e where e.case_id = c.id and e.seq = 1 and ${marks})`;
}

/** Ids of finished cases a rule applies to, in pages (keyset on the id). */
export async function listFinishedCasesDue(
  db: Queryable,
  rule: FinishedCaseRule,
  page: { after?: string | undefined; limit: number },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id from cases c where ${finishedCaseFilter(rule)}
        ${page.after ? sql`and c.id > ${page.after}::uuid` : sql``}
        order by c.id limit ${page.limit}`,
  );
  return rows.map((row) => row.id);
}

/** How many finished cases a rule applies to, by procedure. */
export async function countFinishedCasesDue(
  db: Queryable,
  rule: FinishedCaseRule,
): Promise<Array<{ typeCode: string; count: number }>> {
  const rows = await queryRows<{ type_code: string; n: number }>(
    db,
    sql`select c.type_code, count(*)::int as n from cases c where ${finishedCaseFilter(rule)}
        group by c.type_code order by c.type_code`,
  );
  return rows.map((row) => ({ typeCode: row.type_code, count: row.n }));
}
