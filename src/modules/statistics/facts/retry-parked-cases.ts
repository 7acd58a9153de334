import { noteCubesChanged } from "../cubes/cube-changes.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import type { StatisticsContext } from "../statistics-context.js";
import { listParkedCases, type ParkedCase } from "./parked-case-repository.js";
import { projectOrPark } from "./project-changed-cases.js";

export interface ParkedRetry {
  /** Cases tried again. */
  retried: number;
  /** Those that failed again, with their new error; the others are counted now. */
  stillParked: ParkedCase[];
}

/**
 * Projects parked cases again, once their cause is fixed (a corrected case, a new release): those
 * that go through leave the list, the others stay with their latest error. `caseIds` narrows it to
 * some; by default every parked case is tried.
 */
export async function retryParkedCases(
  context: StatisticsContext,
  options: { caseIds?: string[]; at?: Date } = {},
): Promise<ParkedRetry> {
  const retry = await context.db.transaction(async (tx) => {
    await lockCubes(tx);
    const parked = await listParkedCases(tx, options.caseIds);
    const caseIds = parked.map((item) => item.caseId);
    const failed = await projectOrPark(tx, caseIds, context, options.at ?? new Date());
    const stillParked = await listParkedCases(
      tx,
      failed.map((item) => item.caseId),
    );
    return { retried: caseIds.length, stillParked };
  });
  if (retry.retried > 0) noteCubesChanged();
  return retry;
}
