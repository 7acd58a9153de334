import type { Queryable } from "../../../platform/db/index.js";
import { type CubeCell, nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import {
  deleteRecordsOfCases,
  insertRecords,
  loadRecordsOfPersons,
  personsOfCases,
} from "./record-repository.js";
import type { StatisticalRecord } from "./statistical-record.js";

export type StoredRecord = StatisticalRecord & { caseId?: string | null; batchId?: string | null };

export interface RecordChange {
  /** Cases whose records are replaced by those in `add` (all of a case's records go). */
  replaceCases: string[];
  add: StoredRecord[];
}

function caseIdOf(record: StatisticalRecord): string | null {
  return record.source === "case" ? (record.recordId.split(":")[1] ?? null) : null;
}

/**
 * Replaces records and moves the cubes by the difference this makes to each person concerned:
 * their contribution computed from all their records before, taken away, and after, added.
 * Call it under `lockCubes`, in the transaction that claimed the change.
 */
export async function replaceRecords(tx: Queryable, change: RecordChange): Promise<number> {
  const persons = new Set([
    ...(await personsOfCases(tx, change.replaceCases)),
    ...change.add.map((record) => record.person.personKey),
  ]);
  const before = await loadRecordsOfPersons(tx, [...persons]);
  await deleteRecordsOfCases(tx, change.replaceCases);
  await insertRecords(tx, change.add);
  const replaced = new Set(change.replaceCases);
  const added = new Map<string, StatisticalRecord[]>();
  for (const record of change.add) {
    const list = added.get(record.person.personKey) ?? [];
    list.push(record);
    added.set(record.person.personKey, list);
  }
  const difference = new Map<string, CubeCell>();
  for (const [personKey, records] of before) {
    sumCells(personContributions(records), -1, difference);
    const kept = records.filter((record) => !replaced.has(caseIdOf(record) ?? ""));
    sumCells(personContributions([...kept, ...(added.get(personKey) ?? [])]), 1, difference);
  }
  const changes = nonZeroCells(difference);
  await addToCubes(tx, changes);
  return changes.length;
}
