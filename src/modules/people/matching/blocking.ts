/**
 * A blocking key: records that share a value of some key are compared, all others are not. A
 * record may give several values (e.g. both orders of its names) or none (a missing field).
 */
export type BlockingKey<R> = (record: R) => string | readonly string[] | undefined;

/** Candidate pairs as two parallel arrays of record positions (left list, right list). */
export interface CandidatePairs {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
}

function valuesOf<R>(key: BlockingKey<R>, record: R): readonly string[] {
  const value = key(record);
  if (value === undefined) return [];
  return typeof value === "string" ? (value === "" ? [] : [value]) : value.filter((v) => v !== "");
}

function indexBy<R>(records: readonly R[], key: BlockingKey<R>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  records.forEach((record, position) => {
    for (const value of valuesOf(key, record)) {
      const bucket = index.get(value);
      if (bucket) bucket.push(position);
      else index.set(value, [position]);
    }
  });
  return index;
}

/**
 * The union of the pairs every key proposes, each pair once: with several independent keys a typing
 * error in one field (which breaks that key) does not hide the match. Without `right` the records of
 * `left` are paired among themselves (deduplication), each unordered pair once.
 */
export function candidatePairs<R>(
  left: readonly R[],
  right: readonly R[] | undefined,
  keys: readonly BlockingKey<R>[],
): CandidatePairs {
  const other = right ?? left;
  const indexes = keys.map((key) => indexBy(other, key));
  const lastSeenBy = new Int32Array(other.length).fill(-1);
  const lefts: number[] = [];
  const rights: number[] = [];
  left.forEach((record, i) => {
    keys.forEach((key, k) => {
      const index = indexes[k];
      if (!index) return;
      for (const value of valuesOf(key, record)) {
        for (const j of index.get(value) ?? []) {
          if (lastSeenBy[j] === i || (right === undefined && j <= i)) continue;
          lastSeenBy[j] = i;
          lefts.push(i);
          rights.push(j);
        }
      }
    });
  });
  return { left: Uint32Array.from(lefts), right: Uint32Array.from(rights), count: lefts.length };
}

/** The number of pairs without blocking. */
export function allPairsCount(leftCount: number, rightCount?: number): number {
  return rightCount === undefined ? (leftCount * (leftCount - 1)) / 2 : leftCount * rightCount;
}

/** The share of all pairs that blocking spares from comparison. */
export function reductionRatio(candidateCount: number, leftCount: number, rightCount?: number): number {
  const all = allPairsCount(leftCount, rightCount);
  return all === 0 ? 0 : 1 - candidateCount / all;
}

/** The share of the true pairs that blocking keeps among the candidates. */
export function pairsCompleteness(
  candidates: CandidatePairs,
  truePairs: readonly (readonly [number, number])[],
): number {
  if (truePairs.length === 0) return 1;
  const kept = new Set<number>();
  let width = 1;
  for (const position of candidates.left) width = Math.max(width, position + 1);
  for (const position of candidates.right) width = Math.max(width, position + 1);
  for (const [i, j] of truePairs) width = Math.max(width, i + 1, j + 1);
  for (let p = 0; p < candidates.count; p++) {
    kept.add((candidates.left[p] ?? 0) * width + (candidates.right[p] ?? 0));
  }
  let found = 0;
  for (const [i, j] of truePairs) if (kept.has(i * width + j) || kept.has(j * width + i)) found++;
  return found / truePairs.length;
}
