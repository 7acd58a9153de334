import { sql } from "drizzle-orm";
import { clearChangedCases, historiesAfter } from "../../cases/index.js";
import { type CubeCell, nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import type { StatisticsContext } from "../statistics-context.js";
import { recordsOfHistories } from "./project-changed-cases.js";
import { insertRecords, recordsOfPersonsAfter } from "./record-repository.js";

export interface RebuildProgress {
  phase: "records" | "cubes";
  done: number;
}

export interface RebuildReport {
  cases: number;
  records: number;
  persons: number;
  cells: number;
}

const CASES_PER_PAGE = 1000;
const PERSONS_PER_PAGE = 5000;

/**
 * A promise awaited later, after other work: its rejection is handled then, so it must not count
 * as unhandled in the meantime.
 */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Throws the case records and the cubes away and computes them again from every case's events
 * (imported records are source data and stay). The result must equal the cubes kept current change
 * by change (tested): that is what lets a change of methodology be deployed.
 *
 * The database and this process work at the same time: the next page is asked for (and the last
 * one's records written) before this page is replayed, so the connection's queue is never empty
 * while Node computes.
 */
export async function rebuildStatistics(
  context: StatisticsContext,
  onProgress: (progress: RebuildProgress) => void = () => {},
): Promise<RebuildReport> {
  return context.db.transaction(async (tx) => {
    await lockCubes(tx);
    await clearChangedCases(tx);
    await tx.execute(sql`delete from stat_cube`);
    await tx.execute(sql`delete from stat_records where source = 'case'`);
    let cases = 0;
    let records = 0;
    let writing: Promise<void> = Promise.resolve();
    let page = later(historiesAfter(tx, null, CASES_PER_PAGE));
    for (;;) {
      const { lastCaseId, histories } = await page;
      if (lastCaseId === null) break;
      page = later(historiesAfter(tx, lastCaseId, CASES_PER_PAGE));
      const batch = recordsOfHistories(histories, context.registry, context.deadlines);
      await writing;
      writing = later(insertRecords(tx, batch));
      cases += histories.size;
      records += batch.length;
      onProgress({ phase: "records", done: cases });
    }
    await writing;
    const cube = new Map<string, CubeCell>();
    let persons = 0;
    let personPage = later(recordsOfPersonsAfter(tx, "", PERSONS_PER_PAGE));
    for (;;) {
      const { lastPersonKey, byPerson } = await personPage;
      if (lastPersonKey === null) break;
      personPage = later(recordsOfPersonsAfter(tx, lastPersonKey, PERSONS_PER_PAGE));
      for (const personRecords of byPerson.values()) {
        sumCells(personContributions(personRecords), 1, cube);
      }
      persons += byPerson.size;
      onProgress({ phase: "cubes", done: persons });
    }
    const cells = nonZeroCells(cube);
    await addToCubes(tx, cells);
    return { cases, records, persons, cells: cells.length };
  });
}
