import { sql } from "drizzle-orm";
import { queryRows } from "../../../platform/db/index.js";
import { caseIdRanges, clearChangedCases } from "../../cases/index.js";
import { type CubeCell, nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import type { StatisticsContext } from "../statistics-context.js";
import { eachPersonRecords } from "./each-person-records.js";
import { insertCaseRecordsOrFail } from "./insert-case-records-or-fail.js";
import { setParkedCases } from "./parked-case-repository.js";
import type { FailedCase } from "./projection-errors.js";
import { analyzeRecordsAndCubes } from "./record-repository.js";
import { keyedByRegister } from "./register-person-keys.js";
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
  /** Cases set aside as the projector parks them (`stat_parked_cases`): counted nowhere until retried. */
  parked: string[];
}

/**
 * Replays ranges of cases in other threads, each on its own connection reading the rebuild's
 * snapshot (PostgreSQL server only: the embedded database has one connection).
 */
export interface ParallelReplay {
  /** How many ranges the cases are split into, one per worker. */
  workers: number;
  /**
   * Replays the ranges in the exported snapshot; `onRecords` gets each page's records in turn,
   * with the cases whose history could not be replayed.
   */
  run(
    snapshot: string,
    ranges: CaseRange[],
    onRecords: (records: StoredRecord[], cases: number, failed: FailedCase[]) => void,
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
 *
 * A case that cannot be replayed, or whose records the database refuses, is parked as the
 * projector parks it and counts nowhere; the others go on. The parked list is then exactly the
 * cases this rebuild could not count.
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
    const parked: FailedCase[] = [];
    // Reads and writes of the transaction's one connection take turns: a read sent while a
    // write's savepoint is open would fail with it if the database refused the write.
    let lane: Promise<void> = Promise.resolve();
    const inLane = <T>(work: () => Promise<T>): Promise<T> => {
      const done = lane.then(work);
      lane = later(done.then(() => {}));
      return done;
    };
    const write = (batch: StoredRecord[], caseCount: number, failed: FailedCase[]) => {
      parked.push(...failed);
      cases += caseCount;
      onProgress({ phase: "records", done: cases });
      return later(
        inLane(async () => {
          const written = await insertCaseRecordsOrFail(tx, await keyedByRegister(tx, batch));
          records += written.inserted;
          parked.push(...written.failed);
        }),
      );
    };
    if (parallel && parallel.workers > 0) {
      const [exported] = await queryRows<{ snapshot: string }>(
        tx,
        sql`select pg_export_snapshot() as snapshot`,
      );
      await parallel.run(exported?.snapshot ?? "", await caseIdRanges(tx, parallel.workers), write);
    } else {
      let previous: Promise<unknown> = Promise.resolve();
      await replayCaseRange(
        tx,
        context,
        { after: null, upTo: null },
        async (batch, caseCount, failed) => {
          const waiting = previous;
          previous = write(batch, caseCount, failed);
          // At most one page waits to be written while the next is replayed.
          await waiting;
        },
        inLane,
      );
    }
    await lane;
    await setParkedCases(tx, parked, new Date());
    const cube = new Map<string, CubeCell>();
    const persons = await eachPersonRecords(
      tx,
      (records) => sumCells(personContributions(records), 1, cube),
      (done) => onProgress({ phase: "cubes", done }),
    );
    const cells = nonZeroCells(cube);
    await addToCubes(tx, cells);
    await analyzeRecordsAndCubes(tx);
    return { cases, records, persons, cells: cells.length, parked: parked.map((item) => item.caseId) };
  });
}
