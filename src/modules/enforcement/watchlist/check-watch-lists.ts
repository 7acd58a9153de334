import type { Queryable } from "../../../platform/db/index.js";
import type { HoldFinding, SubmissionCheck, SubmittedPerson } from "../../cases/index.js";
import type { WatchListEntry } from "./watch-list-entry.js";
import { candidateEntries } from "./watch-list-repository.js";
import { scoreAgainstEntry, type WatchedPerson, watchListKeys } from "./watch-list-score.js";

function watchedPersonOf(person: SubmittedPerson): WatchedPerson {
  return {
    names: person.names,
    birthDate: person.birthDate,
    sex: person.sex,
    citizenships: person.citizenship ? [person.citizenship] : [],
    documentNumbers: person.documentNumber ? [person.documentNumber] : [],
  };
}

function watchedEntryOf(entry: WatchListEntry): WatchedPerson {
  return {
    names: entry.names,
    birthDate: entry.birthDate,
    sex: entry.sex,
    citizenships: entry.citizenships,
    documentNumbers: entry.documentNumbers,
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
