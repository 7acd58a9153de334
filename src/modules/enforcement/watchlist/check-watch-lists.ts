import { sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../../platform/db/index.js";
import type { HoldFinding, SubmissionCheck, SubmittedPerson } from "../../cases/index.js";
import type { WatchList } from "./watch-list-entry.js";
import { scoreAgainstEntry, type WatchedPerson, watchListKeys } from "./watch-list-score.js";

interface CandidateRow {
  /** The place of the person asked about, from 1. */
  person: number;
  id: string;
  list: WatchList;
  names: string[];
  birth_date: string | null;
  sex: string | null;
  citizenships: string[];
  document_numbers: string[];
}

/**
 * For each person (by their blocking keys), the entries in force on `today` sharing a key with
 * them: what every submission asks, for all its persons (a batch's too) in one named statement of
 * a fixed text (the keys as one JSON parameter), planned once per connection; each person's keys
 * are looked up on their own, as for a person asked about alone, and a person with no entry
 * sharing a key finds nothing through the keys' primary key.
 */
async function candidateEntries(
  db: Queryable,
  keysOfPersons: string[][],
  today: string,
): Promise<CandidateRow[]> {
  if (keysOfPersons.every((keys) => keys.length === 0)) return [];
  return queryRowsPrepared<CandidateRow>(
    db,
    sql`select asked.person::int as person, e.id, e.list, e.names, e.birth_date, e.sex, e.citizenships,
        e.document_numbers
      from jsonb_array_elements(${JSON.stringify(keysOfPersons)}::jsonb) with ordinality as asked(keys, person)
      cross join lateral (
        select e.* from enforcement_watch_list_entries e
        where e.id = any(array(select distinct k.entry_id from enforcement_watch_list_keys k
            where k.key = any(array(select jsonb_array_elements_text(asked.keys)))))
          and e.ended_at is null and e.valid_from <= ${today}::date
          and (e.valid_until is null or e.valid_until >= ${today}::date)
      ) as e`,
  );
}

function watchedPersonOf(person: SubmittedPerson): WatchedPerson {
  return {
    names: person.names,
    birthDate: person.birthDate,
    sex: person.sex,
    citizenships: person.citizenship ? [person.citizenship] : [],
    documentNumbers: person.documentNumber ? [person.documentNumber] : [],
  };
}

function watchedEntryOf(entry: CandidateRow): WatchedPerson {
  return {
    names: entry.names,
    birthDate: entry.birth_date,
    sex: entry.sex,
    citizenships: entry.citizenships,
    documentNumbers: entry.document_numbers,
  };
}

/**
 * The persons against the watch lists in force on `today`, in one round trip: for each, the
 * entries sharing a blocking key are scored, and the best one at or above the threshold is its
 * finding; null when none reaches it. Findings in the persons' order.
 */
export async function checkPersonsAgainstWatchLists(
  db: Queryable,
  persons: SubmittedPerson[],
  setting: { today: string; threshold: number },
): Promise<Array<HoldFinding | null>> {
  const watched = persons.map(watchedPersonOf);
  const candidates = await candidateEntries(db, watched.map(watchListKeys), setting.today);
  const best: Array<HoldFinding | null> = persons.map(() => null);
  for (const entry of candidates) {
    const index = entry.person - 1;
    const person = watched[index];
    if (!person) continue;
    const { score, fields } = scoreAgainstEntry(person, watchedEntryOf(entry));
    const found = best[index];
    if (score >= setting.threshold && (!found || score > found.score)) {
      best[index] = { entryId: entry.id, list: entry.list, score, fields };
    }
  }
  return best;
}

/** The check every submission runs (wired into the case engine by the composition root). */
export function watchListSubmissionCheck(setting: {
  legalToday: () => string;
  threshold: number;
}): SubmissionCheck {
  return ({ db, persons }) =>
    checkPersonsAgainstWatchLists(db, persons, { today: setting.legalToday(), threshold: setting.threshold });
}
