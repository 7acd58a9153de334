import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import {
  estimateModel,
  type FellegiSunterModel,
  levelWeights,
  MISSING_LEVEL,
} from "../matching/fellegi-sunter.js";
import { matchProfiles } from "../register/repository.js";
import { type MatchProfile, registerComparisons } from "../register/scoring.js";
import { peopleModel } from "../schema.js";
import { PairScorer, type ScorablePerson } from "./pair-scorer.js";

const fieldIndex = (name: string) => registerComparisons.findIndex((comparison) => comparison.name === name);
const NAME_FIELDS = [fieldIndex("given name"), fieldIndex("surname")];
const DATE_FIELDS = [fieldIndex("date of birth")];
/** Fields that split any set of pairs in two (women and men) without telling one person from two. */
const SPLITTING_FIELDS = [fieldIndex("sex"), fieldIndex("citizenship")];
const levelCounts = registerComparisons.map((comparison) => comparison.levels);

export interface BlockEstimationOptions {
  /** Blocks sampled per session (400 by default). */
  blocks?: number;
  /** Persons drawn for the non-match frequencies, compared all with all (2,000 by default). */
  randomPersons?: number;
  /** The seed of the samples, in [-1, 1] (0.5 by default). */
  seed?: number;
  at?: Date;
}

/** Persons sharing each of up to `count` blocks whose keys start with `prefix`, drawn at random. */
async function sampledBlocks(
  tx: Queryable,
  prefix: string,
  pairedUpTo: number,
  count: number,
): Promise<MatchProfile[][]> {
  const rows = await queryRows<{ key: string; person_id: string }>(
    tx,
    sql`select k.key, k.person_id from (
        select key from people_dedupe_blocks where key like ${`${prefix}%`} and size <= ${pairedUpTo}
        order by random() limit ${count}
      ) sampled join people_keys k on k.key = sampled.key`,
  );
  const profiles = new Map(
    (await matchProfiles(tx, [...new Set(rows.map((row) => row.person_id))])).map((p) => [p.id, p]),
  );
  const blocks = new Map<string, MatchProfile[]>();
  for (const row of rows) {
    const profile = profiles.get(row.person_id);
    if (!profile) continue;
    const block = blocks.get(row.key) ?? [];
    if (!block.some((member) => member.id === profile.id)) block.push(profile);
    blocks.set(row.key, block);
  }
  return [...blocks.values()];
}

/** The comparison vectors of pairs, the fields a session blocked on left out (missing). */
function vectorsOf(pairs: Array<[MatchProfile, MatchProfile]>, scorer: PairScorer, masked: number[]) {
  const fields = registerComparisons.length;
  const levels = new Uint8Array(pairs.length * fields);
  pairs.forEach(([a, b], pair) => {
    scorer.score(scorer.person(a), scorer.person(b));
    const compared = scorer.levels.slice();
    for (const field of masked) compared[field] = MISSING_LEVEL;
    levels.set(compared, pair * fields);
  });
  return { fields, count: pairs.length, levels };
}

const pairsWithin = (blocks: MatchProfile[][]) =>
  blocks.flatMap((block) =>
    block.flatMap((a, i) => block.slice(i + 1).map((b): [MatchProfile, MatchProfile] => [a, b])),
  );

/**
 * Level frequencies among all pairs of persons drawn at random: nearly all different persons. All
 * pairs (two million for 2,000 persons), because the agreements that matter most are rare among
 * different persons (one pair in fifteen thousand shares a birth date) and a smaller count would
 * see none of them.
 */
async function nonMatchFrequencies(tx: Queryable, count: number, scorer: PairScorer): Promise<number[][]> {
  const ids = await queryRows<{ id: string }>(
    tx,
    sql`select id from people_persons where merged_into is null order by random() limit ${count}`,
  );
  const persons = (
    await matchProfiles(
      tx,
      ids.map((row) => row.id),
    )
  ).map((profile) => scorer.person(profile));
  const counts = levelCounts.map((levels) => new Float64Array(levels));
  persons.forEach((a, i) => {
    for (let j = i + 1; j < persons.length; j++) {
      scorer.score(a, persons[j] as ScorablePerson);
      scorer.levels.forEach((level, field) => {
        const row = counts[field] as Float64Array;
        if (level !== MISSING_LEVEL) row[level] = (row[level] ?? 0) + 1;
      });
    }
  });
  return counts.map(probabilities);
}

/** Relative frequencies kept inside (0, 1), as EM keeps its estimates: an unseen level must not veto a pair. */
function probabilities(counts: Float64Array): number[] {
  const floor = 1e-6;
  const total = counts.reduce((sum, value) => sum + value, 0);
  const row = Array.from(counts, (value) => Math.max(floor, total > 0 ? value / total : 1 / counts.length));
  const sum = row.reduce((s, value) => s + value, 0);
  return row.map((value) => value / sum);
}

/**
 * Estimates the register's model for a batch deduplication, session by session as a register of
 * common names needs. EM over all candidate pairs at once explains the many pairs of namesakes (same
 * name, another birth date) as the matches. So: the m of the names comes from EM over pairs sharing a
 * birth date, with the date left out; the m of the date from pairs sharing a rare name, with the
 * names left out; the other fields' m from the birth-date session; every u from all pairs of 2,000
 * persons drawn at random. Needs the blocks counted by `countBlocks`; stores the model (the register's from
 * then on) and returns it, or null when the register has too few pairs to learn from.
 */
export async function estimateModelByBlocks(
  tx: Queryable,
  pairedUpTo: number,
  current: FellegiSunterModel,
  options: BlockEstimationOptions = {},
): Promise<FellegiSunterModel | null> {
  const sampled = options.blocks ?? 400;
  // The same register gives the same estimate: the samples below are drawn with a fixed seed.
  await tx.execute(sql`select setseed(${options.seed ?? 0.5})`);
  const scorer = new PairScorer(levelWeights(current));
  const byDate = pairsWithin(await sampledBlocks(tx, "b:", pairedUpTo, sampled));
  const byName = pairsWithin(await sampledBlocks(tx, "n:", pairedUpTo, sampled));
  if (byDate.length < 100 || byName.length < 100) return null;
  const dateSession = estimateModel(vectorsOf(byDate, scorer, [...DATE_FIELDS, ...SPLITTING_FIELDS]), {
    levelCounts,
  });
  const nameSession = estimateModel(vectorsOf(byName, scorer, [...NAME_FIELDS, ...SPLITTING_FIELDS]), {
    levelCounts,
  });
  const u = await nonMatchFrequencies(tx, options.randomPersons ?? 2000, scorer);
  const m = levelCounts.map((_, field) => {
    if (SPLITTING_FIELDS.includes(field)) return current.m[field] as number[];
    return (DATE_FIELDS.includes(field) ? nameSession : dateSession).m[field] as number[];
  });
  const model: FellegiSunterModel = { m, u, matchProportion: dateSession.matchProportion };
  await tx.insert(peopleModel).values({
    weights: { ...model },
    estimatedAt: options.at ?? new Date(),
    pairsUsed: byDate.length + byName.length,
  });
  return model;
}
