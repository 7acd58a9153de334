import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../../platform/db/index.js";
import type { FellegiSunterModel } from "../matching/fellegi-sunter.js";
import type { ComparableName, NameForRegister } from "../register/occurrence.js";
import type { ComparableProfile } from "../register/scoring.js";

/**
 * The statement that waits until no other transaction holds any of these keys' locks, then holds
 * them until this one ends: two first submissions of the same person meet here, and the second
 * looks for candidates only once the first has committed (its person is then found and linked).
 * Taken in one order (by hash), so that two submissions sharing two keys (a batch's persons in
 * another order, say) cannot each hold one and wait for the other. A caller may run it as part of
 * another statement (the cases' insert), as long as the register's reads come in a later one: a
 * statement reads what was committed when it began, before it waited.
 */
export function blockingKeyLocks(keys: string[]): SQL {
  return sql`select pg_advisory_xact_lock(hash) from (
        select distinct hashtextextended('karvan.people.' || key, 0) as hash
        from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as wanted(key)
        order by hash offset 0
      ) as ordered`;
}

/** Takes the keys' locks (see `blockingKeyLocks`) in a statement of their own. */
export async function lockBlockingKeys(db: Queryable, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await queryRowsPrepared(db, blockingKeyLocks(keys));
}

/** A case's source already registered: its link or its review item. */
export interface PriorOfCase {
  caseId: string;
  role: string;
  slot: number;
  personId: string | null;
  how: string | null;
  reviewId: string | null;
  candidates: unknown[] | null;
}

export interface RegisterSnapshot {
  /** The links and review items the cases already have (none for cases registered for the first time). */
  prior: PriorOfCase[];
  /** The persons holding each key, at most the cap per key, in the order of the key's index. */
  holders: Map<string, string[]>;
  /** The profiles of every holder not merged into another, each name as the matcher compares it. */
  profiles: Map<string, ComparableProfile>;
  /** The estimated model, when there is one. */
  model: FellegiSunterModel | null;
}

interface SnapshotRow {
  prior: Array<{
    case_id: string;
    role: string;
    slot: number;
    person_id: string | null;
    how: string | null;
    review_id: string | null;
    candidates: unknown[] | null;
  }>;
  holders: Array<[string, string]>;
  profiles: Array<{
    id: string;
    birth_date: string | null;
    sex: string | null;
    citizenships: string[];
    names: ComparableName[];
    documents: string[];
  }>;
  model: FellegiSunterModel | null;
}

/**
 * Everything a submission's persons are matched against, in one round trip: the cases' earlier
 * registration (links, and review items by source key), the holders of every person's blocking
 * keys (each key looked up in its index on its own, at most `capPerKey` persons, as `keyHolders`
 * does), those holders' profiles (as `matchProfiles` reads them, but of each name only what the
 * matcher compares) and the latest estimated model. What is only sent back is built as `json`, which
 * the server writes out as it builds it, not as `jsonb`, which it would convert twice.
 */
export async function registerSnapshot(
  db: Queryable,
  input: { caseIds: string[]; sourceKeys: string[]; keys: string[]; capPerKey: number },
): Promise<RegisterSnapshot> {
  const [row] = await queryRowsPrepared<SnapshotRow>(
    db,
    sql`with wanted as (
        select key, position from jsonb_array_elements_text(${JSON.stringify(input.keys)}::jsonb)
          with ordinality as wanted(key, position)
      ), holders as materialized (
        select wanted.position, found.person_id, found.rank
        from wanted cross join lateral (
          select capped.person_id, row_number() over () as rank from (
            select person_id from people_keys where people_keys.key = wanted.key limit ${input.capPerKey}
          ) as capped
        ) as found
      )
      select
        coalesce((select jsonb_agg(jsonb_build_object('case_id', l.case_id, 'role', l.role, 'slot', l.slot,
            'person_id', l.person_id, 'how', l.how, 'review_id', null, 'candidates', null))
          from people_case_links l
          where l.case_id = any(array(select jsonb_array_elements_text(${JSON.stringify(input.caseIds)}::jsonb)::uuid))),
          '[]'::jsonb)
        || coalesce((select jsonb_agg(jsonb_build_object('case_id', r.source->>'caseId', 'role', r.source->>'role',
            'slot', coalesce((r.source->>'slot')::int, 0), 'person_id', null, 'how', null,
            'review_id', r.id, 'candidates', r.candidates))
          from people_review_items r
          where r.source_key = any(array(select jsonb_array_elements_text(${JSON.stringify(input.sourceKeys)}::jsonb)))),
          '[]'::jsonb) as prior,
        coalesce((select json_agg(json_build_array(w.key, h.person_id) order by h.position, h.rank)
          from holders h join wanted w on w.position = h.position), '[]'::json) as holders,
        coalesce((select json_agg(json_build_object('id', p.id, 'birth_date', p.birth_date, 'sex', p.sex,
            'citizenships', to_json(p.citizenships),
            'names', coalesce((select json_agg(json_build_object(
                'givenComparable', n.given_comparable, 'familyComparable', n.family_comparable,
                'givenPhonetic', n.given_phonetic, 'familyPhonetic', n.family_phonetic) order by n.added_at, n.id)
              from people_names n where n.person_id = p.id), '[]'::json),
            'documents', coalesce((select json_agg(d.number order by d.added_at, d.id)
              from people_documents d where d.person_id = p.id), '[]'::json)))
          from people_persons p
          where p.id = any(array(select distinct person_id from holders)) and p.merged_into is null),
          '[]'::json) as profiles,
        (select m.weights from people_model m order by m.id desc limit 1) as model`,
  );
  const holders = new Map<string, string[]>();
  for (const [key, personId] of row?.holders ?? []) holders.set(key, [...(holders.get(key) ?? []), personId]);
  const profiles = new Map<string, ComparableProfile>();
  for (const profile of row?.profiles ?? []) {
    profiles.set(profile.id, {
      id: profile.id,
      birthDate: profile.birth_date,
      sex: profile.sex,
      citizenships: profile.citizenships,
      names: profile.names,
      documentNumbers: profile.documents,
    });
  }
  return {
    prior: (row?.prior ?? []).map((one) => ({
      caseId: one.case_id,
      role: one.role,
      slot: one.slot,
      personId: one.person_id,
      how: one.how,
      reviewId: one.review_id,
      candidates: one.candidates,
    })),
    holders,
    profiles,
    model: row?.model ?? null,
  };
}

/** A person as it stands once locked, with what the register's writes compare against. */
export interface LockedPerson {
  id: string;
  mergedInto: string | null;
  sex: string | null;
  birthDate: string | null;
  citizenships: string[];
  names: NameForRegister[];
  documents: Array<{ number: string; type: string }>;
  keys: string[];
}

/**
 * The person, locked against other writers until this transaction ends (as `addWhatIsNew` locks
 * it), with its names, documents and keys. A writer that changed the person while this waited has
 * committed by then; what it added that this read's snapshot missed, the writes' guards skip.
 */
export async function lockedPerson(db: Queryable, personId: string): Promise<LockedPerson | undefined> {
  const [row] = await queryRowsPrepared<{
    id: string;
    merged_into: string | null;
    sex: string | null;
    birth_date: string | null;
    citizenships: string[];
    names: NameForRegister[];
    documents: Array<{ number: string; type: string }>;
    keys: string[];
  }>(
    db,
    sql`select p.id, p.merged_into, p.sex, p.birth_date, to_jsonb(p.citizenships) as citizenships,
        coalesce((select jsonb_agg(jsonb_build_object(
            'givenNames', n.given_names, 'familyName', n.family_name, 'fullName', n.full_name,
            'script', n.script, 'givenComparable', n.given_comparable, 'familyComparable', n.family_comparable,
            'givenPhonetic', n.given_phonetic, 'familyPhonetic', n.family_phonetic) order by n.added_at, n.id)
          from people_names n where n.person_id = p.id), '[]'::jsonb) as names,
        coalesce((select jsonb_agg(jsonb_build_object('number', d.number, 'type', d.type) order by d.added_at, d.id)
          from people_documents d where d.person_id = p.id), '[]'::jsonb) as documents,
        coalesce((select jsonb_agg(k.key order by k.id) from people_keys k where k.person_id = p.id),
          '[]'::jsonb) as keys
      from people_persons p where p.id = ${personId}::uuid for update of p`,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    mergedInto: row.merged_into,
    sex: row.sex,
    birthDate: row.birth_date,
    citizenships: row.citizenships,
    names: row.names,
    documents: row.documents,
    keys: row.keys,
  };
}
