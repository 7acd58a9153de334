import { sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../../platform/db/index.js";
import type { NameForRegister } from "../register/occurrence.js";
import type { LinkHow } from "../register/repository.js";

interface PersonInsert {
  id: string;
  created_at: string;
  sex: string | null;
  birth_date: string | null;
  citizenships: string[];
}

interface PersonUpdate {
  id: string;
  sex: string | null;
  birth_date: string | null;
  citizenships: string[];
}

type NameInsert = { id: string; person_id: string; added_at: string } & {
  given_names: string | null;
  family_name: string | null;
  full_name: string | null;
  script: string;
  given_comparable: string;
  family_comparable: string;
  given_phonetic: string;
  family_phonetic: string;
};

interface DocumentInsert {
  id: string;
  person_id: string;
  type: string;
  number: string;
  issuing_state: string | null;
  expiry: string | null;
  added_at: string;
}

interface CaseLinkInsert {
  id: string;
  person_id: string;
  case_id: string;
  role: string;
  slot: number;
  linked_at: string;
  how: LinkHow;
}

interface ReviewInsert {
  id: string;
  source_key: string;
  source: Record<string, unknown>;
  occurrence: Record<string, unknown>;
  case_id: string | null;
  candidates: unknown[];
  created_at: string;
}

/**
 * The rows a submission's registrations write, gathered, then written by `flush` in one statement
 * (one multi-row insert per table). Rows added to a person who existed before are guarded (written
 * unless the person has them already), since the person was read before a concurrent writer might
 * have committed the same row.
 */
export class RegisterWrites {
  private persons: PersonInsert[] = [];
  private updates: PersonUpdate[] = [];
  private names: NameInsert[] = [];
  private documents: DocumentInsert[] = [];
  private keys: Array<{ key: string; person_id: string }> = [];
  private caseLinks: CaseLinkInsert[] = [];
  private reviews: ReviewInsert[] = [];

  addPerson(row: PersonInsert) {
    this.persons.push(row);
  }

  updatePerson(row: PersonUpdate) {
    this.updates.push(row);
  }

  addName(personId: string, name: NameForRegister, id: string, at: Date) {
    this.names.push({
      id,
      person_id: personId,
      added_at: at.toISOString(),
      given_names: name.givenNames,
      family_name: name.familyName,
      full_name: name.fullName,
      script: name.script,
      given_comparable: name.givenComparable,
      family_comparable: name.familyComparable,
      given_phonetic: name.givenPhonetic,
      family_phonetic: name.familyPhonetic,
    });
  }

  addDocument(row: DocumentInsert) {
    this.documents.push(row);
  }

  addKeys(personId: string, keys: Iterable<string>) {
    for (const key of keys) this.keys.push({ key, person_id: personId });
  }

  linkCase(row: CaseLinkInsert) {
    this.caseLinks.push(row);
  }

  addReview(row: ReviewInsert) {
    this.reviews.push(row);
  }

  get pending(): boolean {
    return (
      this.persons.length +
        this.updates.length +
        this.names.length +
        this.documents.length +
        this.keys.length +
        this.caseLinks.length +
        this.reviews.length >
      0
    );
  }

  /**
   * Writes what was gathered and starts afresh; nothing when nothing was gathered. The planner
   * takes a JSON record set for 100 rows whatever it holds, and for that many it would hash a whole
   * table (every name, every document) to check a handful: so each guard is a subquery asked per
   * row, and the persons to update are found by their ids, both through the indexes.
   */
  async flush(db: Queryable): Promise<void> {
    if (!this.pending) return;
    const json = (rows: unknown[]) => JSON.stringify(rows);
    const updates = json(this.updates);
    await queryRowsPrepared(
      db,
      sql`with new_persons as (
          insert into people_persons (id, created_at, sex, birth_date, citizenships)
          select id, created_at, sex, birth_date, citizenships
          from jsonb_to_recordset(${json(this.persons)}::jsonb)
            as r(id uuid, created_at timestamptz, sex text, birth_date text, citizenships text[])
        ), updated_persons as (
          update people_persons p set (sex, birth_date, citizenships) = (
            select r.sex, r.birth_date, r.citizenships
            from jsonb_to_recordset(${updates}::jsonb) as r(id uuid, sex text, birth_date text, citizenships text[])
            where r.id = p.id
          )
          where p.id = any(array(select (updated->>'id')::uuid from jsonb_array_elements(${updates}::jsonb) as updated))
        ), new_names as (
          insert into people_names (id, person_id, given_names, family_name, full_name, script,
            given_comparable, family_comparable, given_phonetic, family_phonetic, added_at)
          select r.id, r.person_id, r.given_names, r.family_name, r.full_name, r.script,
            r.given_comparable, r.family_comparable, r.given_phonetic, r.family_phonetic, r.added_at
          from jsonb_to_recordset(${json(this.names)}::jsonb)
            as r(id uuid, person_id uuid, given_names text, family_name text, full_name text, script text,
              given_comparable text, family_comparable text, given_phonetic text, family_phonetic text,
              added_at timestamptz)
          where (select 1 from people_names n where n.person_id = r.person_id
            and n.given_names is not distinct from r.given_names
            and n.family_name is not distinct from r.family_name
            and n.full_name is not distinct from r.full_name limit 1) is null
        ), new_documents as (
          insert into people_documents (id, person_id, type, number, issuing_state, expiry, added_at)
          select r.id, r.person_id, r.type, r.number, r.issuing_state, r.expiry, r.added_at
          from jsonb_to_recordset(${json(this.documents)}::jsonb)
            as r(id uuid, person_id uuid, type text, number text, issuing_state text, expiry text,
              added_at timestamptz)
          where (select 1 from people_documents d
            where d.person_id = r.person_id and d.number = r.number and d.type = r.type limit 1) is null
        ), new_keys as (
          insert into people_keys (key, person_id)
          select r.key, r.person_id
          from jsonb_to_recordset(${json(this.keys)}::jsonb) as r(key text, person_id uuid)
          where (select 1 from people_keys k where k.key = r.key and k.person_id = r.person_id limit 1) is null
        ), new_links as (
          insert into people_case_links (id, person_id, case_id, role, slot, linked_at, how)
          select id, person_id, case_id, role, slot, linked_at, how
          from jsonb_to_recordset(${json(this.caseLinks)}::jsonb)
            as r(id uuid, person_id uuid, case_id uuid, role text, slot integer, linked_at timestamptz, how text)
        ), new_reviews as (
          insert into people_review_items (id, source_key, source, occurrence, case_id, candidates, status, created_at)
          select id, source_key, source, occurrence, case_id, candidates, 'open', created_at
          from jsonb_to_recordset(${json(this.reviews)}::jsonb)
            as r(id uuid, source_key text, source jsonb, occurrence jsonb, case_id uuid, candidates jsonb,
              created_at timestamptz)
        )
        select 1 as written`,
    );
    this.persons = [];
    this.updates = [];
    this.names = [];
    this.documents = [];
    this.keys = [];
    this.caseLinks = [];
    this.reviews = [];
  }
}
