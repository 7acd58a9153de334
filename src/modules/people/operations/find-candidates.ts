import type { Queryable } from "../../../platform/db/index.js";
import { levelWeights } from "../matching/fellegi-sunter.js";
import { blockingKeysOf, matchViewOf, type PersonOccurrence } from "../register/occurrence.js";
import { matchProfiles, personIdsSharingKeys } from "../register/repository.js";
import { bestCandidates, type RankedCandidate } from "../register/scoring.js";
import { registerModel } from "./register-model.js";

/** A person the occurrence may be, with the score and each field's agreement. */
export type Candidate = RankedCandidate;

export interface FindCandidatesOptions {
  /** How many candidates to return, best first (10 by default). */
  limit?: number;
  /**
   * At most this many persons per blocking key (50 by default): a key shared by more (a frequent
   * name) gives an arbitrary 50 of them, and the other keys (birth date, document) still find the
   * person. This bound is what keeps a lookup's cost independent of the register's size.
   */
  capPerKey?: number;
  /** At most this many persons are scored (100 by default): those sharing the most keys. */
  scored?: number;
}

/**
 * The registered persons an occurrence may be, best first: the persons sharing one of its blocking
 * keys, scored with the register's Fellegi-Sunter model (the default model until one is estimated).
 */
export async function findCandidates(
  db: Queryable,
  occurrence: PersonOccurrence,
  options: FindCandidatesOptions = {},
): Promise<Candidate[]> {
  const view = matchViewOf(occurrence);
  const ids = await personIdsSharingKeys(db, blockingKeysOf(view), {
    capPerKey: options.capPerKey ?? 50,
    limit: options.scored ?? 100,
  });
  if (ids.length === 0) return [];
  const profiles = await matchProfiles(db, ids);
  const { model } = await registerModel(db);
  const weights = levelWeights(model);
  return bestCandidates(view, profiles, weights, options.limit ?? 10);
}
