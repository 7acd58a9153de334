import { type BlockingKey, type CandidatePairs, candidatePairs } from "./blocking.js";
import {
  type ComparisonVectors,
  estimateModel,
  type FellegiSunterModel,
  levelWeights,
  MISSING_LEVEL,
  scoreVectors,
} from "./fellegi-sunter.js";

/** One field of a comparison vector: the agreement level of two records (or `MISSING_LEVEL`). */
export interface FieldComparison<R> {
  name: string;
  levels: number;
  compare(a: R, b: R): number;
}

/** `link`: the same person; `review`: an officer decides; `new`: a different person. */
export type MatchBand = "link" | "review" | "new";

export interface LinkOptions<R> {
  keys: readonly BlockingKey<R>[];
  comparisons: readonly FieldComparison<R>[];
  /** Scores (sums of log2 likelihood ratios) at or above `link` link, at or above `review` go to review. */
  thresholds: { link: number; review: number };
  /** Fixed weights; by default they are estimated from the candidate pairs themselves (EM). */
  model?: FellegiSunterModel;
  /**
   * Each record links to at most one of the other list (two lists without duplicates of their own):
   * links are taken best score first and a lower pair of an already linked record goes to review.
   */
  oneToOne?: boolean;
}

export interface ScoredPair {
  left: number;
  right: number;
  score: number;
  band: MatchBand;
}

export interface LinkResult {
  candidateCount: number;
  model: FellegiSunterModel;
  /** Every candidate pair, best score first. */
  pairs: ScoredPair[];
  /**
   * Records joined by links (union-find), singletons included. Positions in `left` come first; with a
   * `right` list its record j is numbered `left.length + j`.
   */
  clusters: number[][];
}

export function compareCandidates<R>(
  left: readonly R[],
  right: readonly R[],
  candidates: CandidatePairs,
  comparisons: readonly FieldComparison<R>[],
): ComparisonVectors {
  const fields = comparisons.length;
  const levels = new Uint8Array(candidates.count * fields);
  for (let pair = 0; pair < candidates.count; pair++) {
    const a = left[candidates.left[pair] ?? 0] as R;
    const b = right[candidates.right[pair] ?? 0] as R;
    for (let field = 0; field < fields; field++) {
      const level = comparisons[field]?.compare(a, b) ?? MISSING_LEVEL;
      levels[pair * fields + field] = level;
    }
  }
  return { fields, count: candidates.count, levels };
}

/**
 * Links records: blocking proposes candidate pairs, each is compared field by field and scored
 * with Fellegi-Sunter weights, the two thresholds split the pairs into three bands, and linked
 * records are gathered into clusters. Without `right`, `left` is deduplicated against itself.
 */
export function linkRecords<R>(
  left: readonly R[],
  right: readonly R[] | undefined,
  options: LinkOptions<R>,
): LinkResult {
  const candidates = candidatePairs(left, right, options.keys);
  const vectors = compareCandidates(left, right ?? left, candidates, options.comparisons);
  const model =
    options.model ??
    estimateModel(vectors, { levelCounts: options.comparisons.map((comparison) => comparison.levels) });
  const scores = scoreVectors(vectors, levelWeights(model));
  const pairs: ScoredPair[] = [];
  for (let pair = 0; pair < candidates.count; pair++) {
    const score = scores[pair] ?? 0;
    const band = bandOf(score, options.thresholds);
    pairs.push({ left: candidates.left[pair] ?? 0, right: candidates.right[pair] ?? 0, score, band });
  }
  pairs.sort((a, b) => b.score - a.score);
  const offset = right === undefined ? 0 : left.length;
  if (options.oneToOne) keepOneLinkEach(pairs, offset);
  const clusters = clustersOf(left.length + (right?.length ?? 0), pairs, offset);
  return { candidateCount: candidates.count, model, pairs, clusters };
}

function bandOf(score: number, thresholds: { link: number; review: number }): MatchBand {
  if (score >= thresholds.link) return "link";
  return score >= thresholds.review ? "review" : "new";
}

function keepOneLinkEach(pairsBestFirst: ScoredPair[], offset: number): void {
  const linked = new Set<number>();
  for (const pair of pairsBestFirst) {
    if (pair.band !== "link") continue;
    const a = pair.left;
    const b = offset + pair.right;
    if (linked.has(a) || linked.has(b)) {
      pair.band = "review";
      continue;
    }
    linked.add(a);
    linked.add(b);
  }
}

function clustersOf(size: number, pairs: readonly ScoredPair[], offset: number): number[][] {
  const parent = new Int32Array(size).map((_, i) => i);
  const root = (node: number): number => {
    let current = node;
    while (parent[current] !== current) {
      const up = parent[current] ?? current;
      parent[current] = parent[up] ?? up;
      current = up;
    }
    return current;
  };
  for (const pair of pairs) {
    if (pair.band !== "link") continue;
    const a = root(pair.left);
    const b = root(offset + pair.right);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const byRoot = new Map<number, number[]>();
  for (let node = 0; node < size; node++) {
    const r = root(node);
    const cluster = byRoot.get(r);
    if (cluster) cluster.push(node);
    else byRoot.set(r, [node]);
  }
  return [...byRoot.values()];
}
