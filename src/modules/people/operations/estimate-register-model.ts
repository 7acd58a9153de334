import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import { estimateModel, levelWeights } from "../matching/fellegi-sunter.js";
import { keyHolders, matchProfiles } from "../register/repository.js";
import {
  compareProfiles,
  keysOfProfile,
  type MatchProfile,
  registerComparisons,
} from "../register/scoring.js";
import { peopleModel } from "../schema.js";
import { type RegisterModel, registerModel } from "./register-model.js";

export interface EstimationOptions {
  /** Persons sampled (2,000 by default), each compared with the persons sharing one of its keys. */
  samplePersons?: number;
  /** At most this many pairs (20,000 by default). */
  maxPairs?: number;
  /** Fewer pairs than this (100 by default) estimate nothing: the current model stays. */
  minPairs?: number;
  /** Persons per blocking key, as in findCandidates. */
  capPerKey?: number;
  at?: Date;
}

/**
 * Estimates the register's weights by EM from its own candidate pairs, as the matcher does for a
 * batch (no labelled pairs): a bounded sample of persons, each paired with the persons sharing a
 * blocking key, compared field by field; EM starts from the current model. The estimate is stored
 * and used by every later lookup. Returns the new model, or null when the register is too small.
 */
export async function estimateRegisterModel(
  db: Queryable,
  options: EstimationOptions = {},
): Promise<RegisterModel | null> {
  const sample = await matchProfiles(db, await sampledPersonIds(db, options.samplePersons ?? 2000));
  const pairs = await candidatePairsOf(db, sample, options.capPerKey ?? 50, options.maxPairs ?? 20_000);
  if (pairs.length < (options.minPairs ?? 100)) return null;
  const current = await registerModel(db);
  const weights = levelWeights(current.model);
  const fields = registerComparisons.length;
  const levels = new Uint8Array(pairs.length * fields);
  pairs.forEach(([a, b], pair) => {
    levels.set(compareProfiles(a, b, weights).levels, pair * fields);
  });
  const model = estimateModel(
    { fields, count: pairs.length, levels },
    { levelCounts: registerComparisons.map((comparison) => comparison.levels), start: current.model },
  );
  await db.insert(peopleModel).values({
    weights: { ...model },
    estimatedAt: options.at ?? new Date(),
    pairsUsed: pairs.length,
  });
  return registerModel(db);
}

/** Persons not merged, from a random point of the id order on (wrapping round): a sample by the primary key, no scan. */
async function sampledPersonIds(db: Queryable, count: number): Promise<string[]> {
  const from = randomUUID();
  const after = await queryRows<{ id: string }>(
    db,
    sql`select id from people_persons where merged_into is null and id >= ${from}::uuid order by id limit ${count}`,
  );
  const before =
    after.length < count
      ? await queryRows<{ id: string }>(
          db,
          sql`select id from people_persons where merged_into is null and id < ${from}::uuid
            order by id limit ${count - after.length}`,
        )
      : [];
  return [...after, ...before].map((row) => row.id);
}

/** Each sampled person with every other person sharing one of its keys, each pair once. */
async function candidatePairsOf(
  db: Queryable,
  sample: MatchProfile[],
  capPerKey: number,
  maxPairs: number,
): Promise<Array<[MatchProfile, MatchProfile]>> {
  const keysOf = new Map(sample.map((profile) => [profile.id, keysOfProfile(profile)]));
  const allKeys = [...new Set([...keysOf.values()].flat())];
  const holders = new Map<string, string[]>();
  for (const holder of await keyHolders(db, allKeys, capPerKey)) {
    holders.set(holder.key, [...(holders.get(holder.key) ?? []), holder.personId]);
  }
  const wanted = new Map<string, [string, string]>();
  for (const [personId, keys] of keysOf) {
    for (const key of keys) {
      for (const other of holders.get(key) ?? []) {
        if (other === personId || wanted.size >= maxPairs) continue;
        const pair: [string, string] = personId < other ? [personId, other] : [other, personId];
        wanted.set(pair.join(" "), pair);
      }
    }
  }
  const known = new Map(sample.map((profile) => [profile.id, profile]));
  const missing = [...new Set([...wanted.values()].flat())].filter((id) => !known.has(id));
  for (const profile of await matchProfiles(db, missing)) known.set(profile.id, profile);
  return [...wanted.values()].flatMap(([a, b]) => {
    const left = known.get(a);
    const right = known.get(b);
    return left && right ? [[left, right] as [MatchProfile, MatchProfile]] : [];
  });
}
