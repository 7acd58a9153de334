import { sql } from "drizzle-orm";
import { queryRows } from "../../../platform/db/index.js";
import { caseIdRanges, clearChangedCases } from "../../cases/index.js";
import { type CubeCell, nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import type { StatisticsContext } from "../statistics-context.js";
import { eachPersonRecords } from "./each-person-records.js";
import { analyzeRecordsAndCubes, insertRecords } from "./record-repository.js";
import type { StoredRecord } from "./replace-records.js";
import { type CaseRange, later, replayCaseRange } from "./replay-case-range.js";

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

/**
 * Replays ranges of cases in other threads, each on its own connection reading the rebuild's
 * snapshot (PostgreSQL server only: the embedded database has one connection).
 */
export interface ParallelReplay {
  /** How many ranges the cases are split into, one per worker. */
  workers: number;
  /** Replays the ranges in the exported snapshot; `onRecords` gets each page's records in turn. */
  run(
    snapshot: string,
    ranges: CaseRange[],
    onRecords: (records: StoredRecord[], cases: number) => void,
  ): Promise<void>;
}

/**
 * Throws the case records and the cubes away and computes them again from every case's events
 * (imported records are source data and stay). The result must equal the cubes kept current change
 * by change (tested): that is what lets a change of methodology be deployed.
 *
 * The database and this process work at the same time: the next page is asked for (and the last
 * one's records written) while this page is replayed; with `parallel`, other threads replay and
 * this one only writes.
 */
export async function rebuildStatistics(
  context: StatisticsContext,
  onProgress: (progress: RebuildProgress) => void = () => {},
  parallel?: ParallelReplay,
): Promise<RebuildReport> {
  return context.db.transaction(async (tx) => {
    await lockCubes(tx);
    await clearChangedCases(tx);
    await tx.execute(sql`delete from stat_cube`);
    await tx.execute(sql`delete from stat_records where source = 'case'`);
    let cases = 0;
    let records = 0;
    let writing: Promise<void> = Promise.resolve();
    const write = (batch: StoredRecord[], caseCount: number) => {
      writing = later(writing.then(() => insertRecords(tx, batch)));
      cases += caseCount;
      records += batch.length;
      onProgress({ phase: "records", done: cases });
    };
    if (parallel && parallel.workers > 0) {
      const [exported] = await queryRows<{ snapshot: string }>(
        tx,
        sql`select pg_export_snapshot() as snapshot`,
      );
      await parallel.run(exported?.snapshot ?? "", await caseIdRanges(tx, parallel.workers), write);
    } else {
      await replayCaseRange(tx, context, { after: null, upTo: null }, async (batch, caseCount) => {
        const previous = writing;
        write(batch, caseCount);
        // At most one page waits to be written while the next is replayed.
        await previous;
      });
    }
    await writing;
    const cube = new Map<string, CubeCell>();
    const persons = await eachPersonRecords(
      tx,
      (records) => sumCells(personContributions(records), 1, cube),
      (done) => onProgress({ phase: "cubes", done }),
    );
    const cells = nonZeroCells(cube);
    await addToCubes(tx, cells);
    await analyzeRecordsAndCubes(tx);
    return { cases, records, persons, cells: cells.length };
  });
}
