/**
 * The Fellegi-Sunter model: each compared field falls into one of a few agreement levels (0 = the
 * weakest, the last = full agreement), or is missing. m[f][l] is the probability of level l of field
 * f among true matches, u[f][l] among non-matches; a pair's score is the sum over its known fields
 * of log2(m/u), so a missing field is neither evidence for nor against.
 */
export interface FellegiSunterModel {
  /** m[field][level], each row summing to 1. */
  m: number[][];
  /** u[field][level], each row summing to 1. */
  u: number[][];
  /** The share of compared pairs that are matches. */
  matchProportion: number;
}

/** A field that could not be compared (unknown on either side). */
export const MISSING_LEVEL = 255;

/** Comparison vectors packed row after row: one byte a field (`MISSING_LEVEL` when missing). */
export interface ComparisonVectors {
  fields: number;
  count: number;
  levels: Uint8Array;
}

/** log2(m/u) for every field and level. */
export function levelWeights(model: FellegiSunterModel): number[][] {
  return model.m.map((row, field) => row.map((m, level) => Math.log2(m / (model.u[field]?.[level] ?? 1))));
}

/** The score of every vector: the sum of its fields' weights. */
export function scoreVectors(vectors: ComparisonVectors, weights: number[][]): Float64Array {
  const scores = new Float64Array(vectors.count);
  const { fields, levels } = vectors;
  for (let pair = 0; pair < vectors.count; pair++) {
    let score = 0;
    for (let field = 0; field < fields; field++) {
      const level = levels[pair * fields + field] ?? MISSING_LEVEL;
      if (level !== MISSING_LEVEL) score += weights[field]?.[level] ?? 0;
    }
    scores[pair] = score;
  }
  return scores;
}

export interface EstimationOptions {
  /** Levels of each field. */
  levelCounts: readonly number[];
  /** Where EM starts. */
  start?: FellegiSunterModel;
  maxIterations?: number;
  /** Stops when no probability moves by more than this. */
  tolerance?: number;
}

// Probabilities stay strictly inside (0, 1): a level never seen among matches must not veto a pair.
const floor = 1e-6;

function initialModel(levelCounts: readonly number[]): FellegiSunterModel {
  // Matches start mostly at full agreement, non-matches mostly at the weakest level.
  const leaning = (levels: number, towards: number) =>
    Array.from({ length: levels }, (_, level) =>
      levels === 1 ? 1 : level === towards ? 0.9 : 0.1 / (levels - 1),
    );
  return {
    m: levelCounts.map((levels) => leaning(levels, levels - 1)),
    u: levelCounts.map((levels) => leaning(levels, 0)),
    matchProportion: 0.1,
  };
}

function normalisedRow(counts: Float64Array): number[] {
  const total = counts.reduce((sum, value) => sum + value, 0);
  const row = Array.from(counts, (value) => (total > 0 ? value / total : 1 / counts.length));
  const clamped = row.map((value) => Math.min(1 - floor, Math.max(floor, value)));
  const sum = clamped.reduce((s, value) => s + value, 0);
  return clamped.map((value) => value / sum);
}

/**
 * Estimates m, u and the match proportion from unlabelled comparison vectors by
 * expectation-maximisation (fields independent given the match status). Identical vectors are
 * folded into patterns first, so an iteration costs the number of distinct patterns, not of pairs.
 */
export function estimateModel(vectors: ComparisonVectors, options: EstimationOptions): FellegiSunterModel {
  const { fields } = vectors;
  const patterns = new Map<string, { levels: Uint8Array; count: number }>();
  for (let pair = 0; pair < vectors.count; pair++) {
    const levels = vectors.levels.subarray(pair * fields, (pair + 1) * fields);
    const key = levels.join(",");
    const known = patterns.get(key);
    if (known) known.count++;
    else patterns.set(key, { levels: levels.slice(), count: 1 });
  }
  const list = [...patterns.values()];
  let model = options.start ?? initialModel(options.levelCounts);
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-7;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const mCounts = options.levelCounts.map((levels) => new Float64Array(levels));
    const uCounts = options.levelCounts.map((levels) => new Float64Array(levels));
    let matchMass = 0;
    let totalMass = 0;
    for (const { levels, count } of list) {
      let pm = model.matchProportion;
      let pu = 1 - model.matchProportion;
      for (let field = 0; field < fields; field++) {
        const level = levels[field] ?? MISSING_LEVEL;
        if (level === MISSING_LEVEL) continue;
        pm *= model.m[field]?.[level] ?? 1;
        pu *= model.u[field]?.[level] ?? 1;
      }
      const g = pm + pu > 0 ? pm / (pm + pu) : 0;
      matchMass += g * count;
      totalMass += count;
      for (let field = 0; field < fields; field++) {
        const level = levels[field] ?? MISSING_LEVEL;
        if (level === MISSING_LEVEL) continue;
        const mRow = mCounts[field];
        const uRow = uCounts[field];
        if (mRow) mRow[level] = (mRow[level] ?? 0) + g * count;
        if (uRow) uRow[level] = (uRow[level] ?? 0) + (1 - g) * count;
      }
    }
    const next: FellegiSunterModel = {
      m: mCounts.map(normalisedRow),
      u: uCounts.map(normalisedRow),
      matchProportion: Math.min(1 - floor, Math.max(floor, totalMass > 0 ? matchMass / totalMass : 0.5)),
    };
    const moved = largestChange(model, next);
    model = next;
    if (moved < tolerance) break;
  }
  return model;
}

function largestChange(a: FellegiSunterModel, b: FellegiSunterModel): number {
  let largest = Math.abs(a.matchProportion - b.matchProportion);
  const compare = (before: number[][], after: number[][]) => {
    before.forEach((row, field) => {
      row.forEach((value, level) => {
        largest = Math.max(largest, Math.abs(value - (after[field]?.[level] ?? 0)));
      });
    });
  };
  compare(a.m, b.m);
  compare(a.u, b.u);
  return largest;
}
