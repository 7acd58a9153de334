import type { Queryable } from "../../../platform/db/index.js";
import { analyzeRecordsAndCubes } from "./record-repository.js";

/**
 * Keeps the planner's view of the records current while a projection grows them fast (the first
 * catch-up over a whole caseload): planned on the statistics of a near-empty table, the lookups by
 * case and by person scan the whole table on every pass, and autovacuum comes too late. Analyzes
 * after `first` cases, then each time the projected cases have doubled: a few times in all.
 */
export function analyzeAsRecordsGrow(db: Queryable, first = 5000): (cases: number) => Promise<void> {
  let projected = 0;
  let next = first;
  return async (cases) => {
    projected += cases;
    if (projected < next) return;
    next = projected * 2;
    await analyzeRecordsAndCubes(db);
  };
}
