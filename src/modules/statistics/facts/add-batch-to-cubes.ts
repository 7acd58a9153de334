import type { Queryable } from "../../../platform/db/index.js";
import { type CubeCell, sumCells } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import {
  closeRecordsOfBatchPersons,
  fetchRecordsOfBatchPersons,
  openRecordsOfBatchPersons,
} from "./record-repository.js";
import { later } from "./replay-case-range.js";
import type { StatisticalRecord } from "./statistical-record.js";

/**
 * Moves the cubes by what a stored batch of imported records changes: for each person with records
 * in the batch, their contribution with all their records, less their contribution without the
 * batch (a person an earlier import or a case already counted). Reads one person at a time through
 * a cursor, the next fetch while this one is summed; memory holds the cube change, not the batch.
 * Call it under `lockCubes`, in the transaction that stored the batch. Returns the cells changed.
 */
export async function addBatchToCubes(
  tx: Queryable,
  batchId: string,
  recordsPerFetch = 5_000,
): Promise<number> {
  const difference = new Map<string, CubeCell>();
  let all: StatisticalRecord[] = [];
  let before: StatisticalRecord[] = [];
  const handOver = () => {
    if (all.length === 0) return;
    sumCells(personContributions(all), 1, difference);
    if (before.length > 0) sumCells(personContributions(before), -1, difference);
    all = [];
    before = [];
  };
  await openRecordsOfBatchPersons(tx, batchId);
  let fetched = later(fetchRecordsOfBatchPersons(tx, recordsPerFetch));
  for (let more = true; more; ) {
    const rows = await fetched;
    more = rows.length === recordsPerFetch;
    if (more) fetched = later(fetchRecordsOfBatchPersons(tx, recordsPerFetch));
    for (const { record, inBatch } of rows) {
      if (all[0] && all[0].person.personKey !== record.person.personKey) handOver();
      all.push(record);
      if (!inBatch) before.push(record);
    }
  }
  handOver();
  await closeRecordsOfBatchPersons(tx);
  return addToCubes(tx, difference.values());
}
