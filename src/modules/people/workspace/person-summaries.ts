import { sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";

export interface WrittenName {
  givenNames: string | null;
  familyName: string | null;
  fullName: string | null;
  script: string;
}

export interface SummaryDocument {
  type: string;
  number: string;
  issuingState: string | null;
  expiry: string | null;
}

/** A registered person as the comparison, search and merge pages show it beside another. */
export interface PersonSummary {
  id: string;
  /** The person this one was merged into, when it was. */
  mergedInto: string | null;
  sex: string | null;
  birthDate: string | null;
  citizenships: string[];
  names: WrittenName[];
  documents: SummaryDocument[];
}

interface SummaryRow {
  id: string;
  merged_into: string | null;
  sex: string | null;
  birth_date: string | null;
  citizenships: string[];
  names: WrittenName[];
  documents: SummaryDocument[];
}

/**
 * The persons asked for, each with every name and document, in one statement. Reads personal
 * data: the page that shows them writes the audit record.
 */
export async function personSummaries(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<SummaryRow>(
    db,
    sql`select p.id, p.merged_into, p.sex, p.birth_date, to_jsonb(p.citizenships) as citizenships,
        coalesce((select jsonb_agg(jsonb_build_object('givenNames', n.given_names, 'familyName', n.family_name,
            'fullName', n.full_name, 'script', n.script) order by n.added_at, n.id)
          from people_names n where n.person_id = p.id), '[]'::jsonb) as names,
        coalesce((select jsonb_agg(jsonb_build_object('type', d.type, 'number', d.number,
            'issuingState', d.issuing_state, 'expiry', d.expiry) order by d.added_at, d.id)
          from people_documents d where d.person_id = p.id), '[]'::jsonb) as documents
      from people_persons p where p.id = ${anyOf([...new Set(ids)], "uuid")}`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        mergedInto: row.merged_into,
        sex: row.sex,
        birthDate: row.birth_date,
        citizenships: row.citizenships,
        names: row.names,
        documents: row.documents,
      },
    ]),
  );
}

/** The name a person is shown by: the first one the register learnt, as written. */
export function shownName(names: readonly WrittenName[]): string {
  const first = names[0];
  if (!first) return "";
  return first.fullName ?? [first.givenNames, first.familyName].filter(Boolean).join(" ");
}
