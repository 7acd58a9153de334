import type { StatisticalRecord } from "../../../statistics/index.js";
import type { QuasiIdentifier } from "./extract-variables.js";
import { finestLevels, generalised, type Levels, ladders } from "./generalise.js";

/** The share of rows that may be suppressed before a coarser generalisation is tried. */
export const suppressionBudget = 0.05;

export interface KAnonymousRows {
  /** The released records with their quasi-identifiers as released, in the input's order. */
  rows: Array<{ record: StatisticalRecord; quasi: string[] }>;
  suppressed: number;
  /** The ladder step each chosen quasi-identifier ended at ({ month: "quarter" }). */
  generalisation: Record<string, string>;
}

function keysAt(records: readonly StatisticalRecord[], chosen: readonly QuasiIdentifier[], levels: Levels) {
  return records.map((record) => chosen.map((variable) => generalised(record, variable, levels[variable])));
}

function countRare(keys: string[][], k: number): { counts: Map<string, number>; rare: number } {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const joined = JSON.stringify(key);
    counts.set(joined, (counts.get(joined) ?? 0) + 1);
  }
  let rare = 0;
  for (const n of counts.values()) if (n < k) rare += n;
  return { counts, rare };
}

/**
 * Makes the rows k-anonymous over the chosen quasi-identifiers: while more than the suppression
 * budget of rows sit in combinations seen fewer than k times, the one ladder step that leaves the
 * fewest such rows is taken (month → quarter → year, 5- → 10- → 20-year age bands), as long as a
 * step leaves fewer of them; then every row
 * of a combination still seen fewer than k times is suppressed. Removing whole rows of a rare
 * combination changes no other combination's count, so every released combination occurs at least
 * k times.
 */
export function kAnonymise(
  records: readonly StatisticalRecord[],
  chosen: readonly QuasiIdentifier[],
  k: number,
): KAnonymousRows {
  let levels: Levels = { ...finestLevels };
  let keys = keysAt(records, chosen, levels);
  let { counts, rare } = countRare(keys, k);
  while (rare > records.length * suppressionBudget) {
    let best: { levels: Levels; keys: string[][]; counts: Map<string, number>; rare: number } | null = null;
    for (const variable of chosen) {
      if (levels[variable] + 1 >= ladders[variable].length) continue;
      const tried = { ...levels, [variable]: levels[variable] + 1 };
      const triedKeys = keysAt(records, chosen, tried);
      const outcome = countRare(triedKeys, k);
      if (!best || outcome.rare < best.rare) best = { levels: tried, keys: triedKeys, ...outcome };
    }
    // A coarser level that saves no row only loses information.
    if (!best || best.rare >= rare) break;
    ({ levels, keys, counts, rare } = best);
  }
  const rows: KAnonymousRows["rows"] = [];
  records.forEach((record, index) => {
    const quasi = keys[index] as string[];
    if ((counts.get(JSON.stringify(quasi)) ?? 0) >= k) rows.push({ record, quasi });
  });
  const generalisation = Object.fromEntries(
    chosen.map((variable) => [variable, ladders[variable][levels[variable]] as string]),
  );
  return { rows, suppressed: records.length - rows.length, generalisation };
}
