import { sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../../platform/db/index.js";
import type { HoldFinding, SubmissionCheck, SubmittedPerson } from "../../cases/index.js";
import type { WatchList } from "./watch-list-entry.js";
import { scoreAgainstEntry, type WatchedPerson, watchListKeys } from "./watch-list-score.js";

interface CandidateRow {
  id: string;
  list: WatchList;
  names: string[];
  birth_date: string | null;
  sex: string | null;
  citizenships: string[];
  document_numbers: string[];
}

/**
 * The entries in force on `today` sharing a blocking key with the person: what every submission
 * asks, so it is one named statement of a fixed text (the keys as one JSON parameter), planned
 * once per connection; with no entry sharing a key it finds nothing through the keys' primary key.
 */
async function candidateEntries(db: Queryable, keys: string[], today: string): Promise<CandidateRow[]> {
  if (keys.length === 0) return [];
  return queryRowsPrepared<CandidateRow>(
    db,
    sql`select e.id, e.list, e.names, e.birth_date, e.sex, e.citizenships, e.document_numbers
      from enforcement_watch_list_entries e
      where e.id = any(array(select distinct k.entry_id from enforcement_watch_list_keys k
          where k.key = any(array(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))))
        and e.ended_at is null and e.valid_from <= ${today}::date
        and (e.valid_until is null or e.valid_until >= ${today}::date)`,
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
 * The person against the watch lists in force on `today`: the entries sharing a blocking key are
 * scored, and the best one at or above the threshold is the finding; null when none reaches it.
 */
export async function checkPersonAgainstWatchLists(
  db: Queryable,
  person: SubmittedPerson,
  setting: { today: string; threshold: number },
): Promise<HoldFinding | null> {
  const watched = watchedPersonOf(person);
  const candidates = await candidateEntries(db, watchListKeys(watched), setting.today);
  let best: HoldFinding | null = null;
  for (const entry of candidates) {
    const { score, fields } = scoreAgainstEntry(watched, watchedEntryOf(entry));
    if (score >= setting.threshold && (!best || score > best.score)) {
      best = { entryId: entry.id, list: entry.list, score, fields };
    }
  }
  return best;
}

/** The check every submission runs (wired into the case engine by the composition root). */
export function watchListSubmissionCheck(setting: {
  legalToday: () => string;
  threshold: number;
}): SubmissionCheck {
  return ({ db, person }) =>
    checkPersonAgainstWatchLists(db, person, { today: setting.legalToday(), threshold: setting.threshold });
}
