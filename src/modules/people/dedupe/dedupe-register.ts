import { sql } from "drizzle-orm";
import { type Database, type Queryable, queryRows } from "../../../platform/db/index.js";
import { levelWeights } from "../matching/fellegi-sunter.js";
import { registerModel } from "../operations/register-model.js";
import type { RegisterThresholds } from "../operations/register-occurrence.js";
import { demoteAmbiguousLinks } from "./ambiguous-links.js";
import { countBlocks, fetchBlockMembers, openBlockMembers } from "./block-members.js";
import { BlockPairing } from "./block-pairing.js";
import type { DuplicatePair } from "./duplicate-pair.js";
import { estimateModelByBlocks } from "./estimate-by-blocks.js";
import { PairScorer, type ScorablePerson, type ValueAgreementWeights } from "./pair-scorer.js";
import { PersonClusters } from "./person-clusters.js";
import { registerValueWeights } from "./value-weights.js";

export interface DedupeOptions {
  thresholds: RegisterThresholds;
  /** Blocks of at most this many persons are compared pair by pair (50 by default, findCandidates' cap per key). */
  pairedUpTo?: number;
  /** In a larger block each person is compared with this many persons sorted before it (10 by default). */
  window?: number;
  /**
   * A cluster of more persons than this (5 by default) is not one person's records but namesakes
   * chained by links: its links go to review.
   */
  maxClusterSize?: number;
  /**
   * The register size the thresholds hold for (4,096 persons by default): in a larger register both
   * bands rise by one bit each time it doubles (see `bandsForRegister`). 0 keeps the thresholds as given.
   */
  referencePersons?: number;
  /** Block members read per round trip (5,000 by default). */
  fetchSize?: number;
  /** Block members read so far, of how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface RegisterDeduplication {
  /** Persons in the register (not merged into another). */
  persons: number;
  /** Blocks of two persons or more, and how many of them were compared by neighbourhood only. */
  blocks: number;
  oversizedBlocks: number;
  /** Pairs compared. */
  candidatePairs: number;
  /** The bands the pairs were banded by: the thresholds raised for the register's size. */
  bands: RegisterThresholds;
  /** The pairs at or above the review threshold, each once, best first (the bands after demoteAmbiguousLinks). */
  pairs: DuplicatePair[];
  links: number;
  reviews: number;
  /**
   * Links sent to review: the person in the middle links two persons the matcher keeps apart, or
   * the links chain more persons than `maxClusterSize`.
   */
  ambiguousLinks: number;
  /** The persons joined by links, two or more each, largest first; each cluster's ids sorted. */
  clusters: string[][];
  /** The weights the pairs were scored with (log2 m/u per field and level). */
  weights: number[][];
  /** Whether the register had no estimated model and one was estimated first (too small a register keeps the default). */
  modelEstimated: boolean;
  seconds: number;
}

/**
 * Finds the persons registered more than once, typically loaded from several older systems: every
 * block of persons sharing a blocking key is read from the key index in one sorted pass (one block
 * in memory at a time), its pairs are scored with the register's model (estimated first when the
 * register has none) and banded by the thresholds, and the linked persons are gathered into
 * clusters. Changes nothing: `applyDeduplication` merges and opens the reviews.
 */
export async function dedupeRegister(db: Database, options: DedupeOptions): Promise<RegisterDeduplication> {
  const started = performance.now();
  const pairedUpTo = options.pairedUpTo ?? 50;
  const window = options.window ?? 10;
  const fetchSize = options.fetchSize ?? 5000;
  const current = await registerModel(db);
  const estimateFirst = current.source === "default";
  let modelEstimated = false;
  const persons = await livePersons(db);
  const bands = bandsForRegister(options.thresholds, persons, options.referencePersons ?? 4096);
  const { link, review } = bands;
  const found: DuplicatePair[] = [];
  // Only pairs found in large blocks can come twice; a pair of small blocks is compared in the first one only.
  const foundByNeighbourhood = new Set<string>();
  let candidatePairs = 0;
  let model = current.model;
  let weights = levelWeights(model);
  let names: ValueAgreementWeights | undefined;
  let scorer = new PairScorer(weights);
  const compare = (a: ScorablePerson, b: ScorablePerson, byNeighbourhood: boolean) => {
    candidatePairs++;
    const score = scorer.score(a, b);
    if (score < review) return;
    const levels = scorer.levels.slice();
    const personIds: [string, string] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const band = score >= link ? "link" : "review";
    if (byNeighbourhood) {
      const key = personIds.join(" ");
      if (foundByNeighbourhood.has(key)) return;
      foundByNeighbourhood.add(key);
    }
    found.push({ personIds, score, band, levels });
  };
  const pairing = new BlockPairing(pairedUpTo, window, compare, (profile) => scorer.person(profile));
  const blocks = await db.transaction(async (tx) => {
    // The per-person aggregates and the sort of the block members fit in memory instead of spilling to
    // disk; and the cursor is read to its end, so the plan is chosen for all rows, not the first tenth.
    await tx.execute(sql`set local work_mem = '128MB'`);
    await tx.execute(sql`set local cursor_tuple_fraction = 1`);
    const blocks = await countBlocks(tx, pairedUpTo);
    if (estimateFirst) {
      const estimated = await estimateModelByBlocks(tx, pairedUpTo, current.model);
      if (estimated) model = estimated;
      modelEstimated = estimated !== null;
    }
    weights = levelWeights(model);
    names = (await registerValueWeights(tx, model, weights)) ?? undefined;
    scorer = new PairScorer(weights, names);
    await openBlockMembers(tx, pairedUpTo);
    await pairAllMembers(tx, pairing, fetchSize, (done) => options.onProgress?.(done, blocks.members));
    return blocks;
  });
  const pairs = found.sort((a, b) => b.score - a.score || a.personIds[0].localeCompare(b.personIds[0]));
  const demoted = await demoteAmbiguousLinks(db, pairs, weights, review, names);
  const { clusters, tooLarge } = clustersUpTo(pairs, options.maxClusterSize ?? 5);
  const links = pairs.filter((pair) => pair.band === "link").length;
  return {
    persons,
    blocks: blocks.blocks,
    oversizedBlocks: blocks.oversized,
    candidatePairs,
    bands,
    pairs,
    links,
    reviews: pairs.length - links,
    ambiguousLinks: demoted + tooLarge,
    clusters,
    weights,
    modelEstimated,
    seconds: (performance.now() - started) / 1000,
  };
}

async function livePersons(db: Database): Promise<number> {
  const [counted] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from people_persons where merged_into is null`,
  );
  return counted?.count ?? 0;
}

/** Reads the open cursor of block members to its end into `pairing`, `fetchSize` members a round trip. */
async function pairAllMembers<P extends { id: string }>(
  tx: Queryable,
  pairing: BlockPairing<P>,
  fetchSize: number,
  onProgress: (done: number) => void,
): Promise<void> {
  let done = 0;
  for (;;) {
    const members = await fetchBlockMembers(tx, fetchSize);
    for (const member of members) pairing.add(member);
    done += members.length;
    onProgress(done);
    if (members.length < fetchSize) break;
  }
  pairing.finish();
}

/**
 * The bands for a register of `persons`: each threshold raised by log2(persons / referencePersons)
 * when the register is larger. A score is a likelihood ratio, how much likelier the pair's agreement
 * is for one person than for two; but the odds that two records drawn from a register are one person
 * fall as the register grows (each record has a duplicate or two among N persons), and chance
 * agreements multiply with N: in a register twice as large, twice as many namesakes share a birth
 * date. Raising the bands by log2 N keeps the share of coincidences among the links the same.
 */
export function bandsForRegister(
  thresholds: RegisterThresholds,
  persons: number,
  referencePersons: number,
): RegisterThresholds {
  const raised =
    referencePersons > 0 && persons > referencePersons ? Math.log2(persons / referencePersons) : 0;
  return { link: thresholds.link + raised, review: thresholds.review + raised };
}

/** The clusters of the links, a cluster larger than `maxSize` undone: its links go to review (counted). */
function clustersUpTo(pairs: DuplicatePair[], maxSize: number): { clusters: string[][]; tooLarge: number } {
  const joined = new PersonClusters();
  for (const pair of pairs) if (pair.band === "link") joined.join(pair.personIds[0], pair.personIds[1]);
  const groups = joined.groups();
  const oversized = new Set(groups.filter((group) => group.length > maxSize).flat());
  let tooLarge = 0;
  for (const pair of pairs) {
    if (pair.band === "link" && oversized.has(pair.personIds[0])) {
      pair.band = "review";
      tooLarge++;
    }
  }
  return { clusters: groups.filter((group) => group.length <= maxSize), tooLarge };
}
