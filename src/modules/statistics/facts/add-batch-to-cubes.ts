import type { Queryable } from "../../../platform/db/index.js";
import type { CubeCell } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { addPersonContributions } from "../cubes/person-contributions.js";
import {
  closeRecordsOfBatchPersons,
  copyRecordsOfBatchPersons,
  fetchRecordsOfBatchPersons,
  openRecordsOfBatchPersons,
} from "./record-repository.js";
import { later } from "./replay-case-range.js";
import type { StatisticalRecord } from "./statistical-record.js";

type BatchPersonRecord = { record: StatisticalRecord; inBatch: boolean };

/**
 * Sums, person by person, the difference records in person order make to the cubes: a person's
 * contribution with all their records, less the one without the batch's (when they had others).
 */
function batchDifference() {
  const difference = new Map<string, CubeCell>();
  let all: StatisticalRecord[] = [];
  let before: StatisticalRecord[] = [];
  const handOver = () => {
    if (all.length === 0) return;
    addPersonContributions(all, 1, difference);
    if (before.length > 0) addPersonContributions(before, -1, difference);
    all = [];
    before = [];
  };
  return {
    take(rows: readonly BatchPersonRecord[]): void {
      for (const { record, inBatch } of rows) {
        if (all[0] && all[0].person.personKey !== record.person.personKey) handOver();
        all.push(record);
        if (!inBatch) before.push(record);
      }
    },
    end(): Map<string, CubeCell> {
      handOver();
      return difference;
    },
  };
}

/** The embedded database's way: a cursor, the next fetch while this one is summed. */
async function sumThroughCursor(
  tx: Queryable,
  batchId: string,
  recordsPerFetch: number,
  take: (rows: readonly BatchPersonRecord[]) => void,
): Promise<void> {
  await openRecordsOfBatchPersons(tx, batchId);
  let fetched = later(fetchRecordsOfBatchPersons(tx, recordsPerFetch));
  for (let more = true; more; ) {
    const rows = await fetched;
    more = rows.length === recordsPerFetch;
    if (more) fetched = later(fetchRecordsOfBatchPersons(tx, recordsPerFetch));
    take(rows);
  }
  await closeRecordsOfBatchPersons(tx);
}

/**
 * Moves the cubes by what a stored batch of imported records changes: for each person with records
 * in the batch, their contribution with all their records, less their contribution without the
 * batch (a person an earlier import or a case already counted). Reads the records in person order,
 * a piece at a time (a COPY out on a server, a cursor on the embedded database); memory holds the
 * cube change, not the batch. Call it under `lockCubes`, in the transaction that stored the batch.
 * Returns the cells changed.
 */
export async function addBatchToCubes(
  tx: Queryable,
  batchId: string,
  recordsPerFetch = 5_000,
): Promise<number> {
  const sum = batchDifference();
  const take = (rows: readonly BatchPersonRecord[]) => sum.take(rows);
  if (!(await copyRecordsOfBatchPersons(tx, batchId, take))) {
    await sumThroughCursor(tx, batchId, recordsPerFetch, take);
  }
  return addToCubes(tx, sum.end().values());
}
