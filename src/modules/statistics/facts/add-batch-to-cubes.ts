import { sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import type { CubeCell } from "../cubes/cube-cell.js";
import { personContributions } from "../cubes/person-contributions.js";
import {
  closeRecordsOfBatchPersons,
  fetchRecordsOfBatchPersons,
  openRecordsOfBatchPersons,
} from "./record-repository.js";
import { later } from "./replay-case-range.js";
import type { StatisticalRecord } from "./statistical-record.js";

/** Cells per statement when the change is written: the columns travel as arrays (`unnest`). */
const CELLS_PER_STATEMENT = 20_000;

/** The key of a cell, as `cellKey` writes it, without the array `cellKey` joins (millions of cells). */
function keyOf(cell: CubeCell): string {
  return `${cell.tableCode}|${cell.period}|${cell.citizen}|${cell.sex}|${cell.age}|${cell.d1}|${cell.d2}|${cell.d3}`;
}

/** Adds `sign` times the cells to the sum, as `sumCells` does (a new cell is copied, never kept). */
function addCells(cells: readonly CubeCell[], sign: number, into: Map<string, CubeCell>): void {
  for (const cell of cells) {
    const key = keyOf(cell);
    const existing = into.get(key);
    if (existing) {
      existing.n += sign * cell.n;
      existing.total += sign * cell.total;
    } else {
      into.set(key, { ...cell, n: sign * cell.n, total: sign * cell.total });
    }
  }
}

/**
 * Adds a summed change to the cubes as `addToCubes` does (cells that come to nothing go), in
 * statements of many cells, each column one array parameter: an import changes tens of thousands
 * of cells, which JSON statements of 2,000 wrote in a tenth of the whole import's time.
 */
async function writeCubeChange(tx: Queryable, sum: Map<string, CubeCell>): Promise<number> {
  const keys: string[] = [];
  for (const [key, cell] of sum) if (cell.n !== 0 || cell.total !== 0) keys.push(key);
  // In key order, as `addToCubes` writes: rows are locked in the same order by every writer.
  keys.sort();
  for (let index = 0; index < keys.length; index += CELLS_PER_STATEMENT) {
    const cells = keys.slice(index, index + CELLS_PER_STATEMENT).map((key) => sum.get(key) as CubeCell);
    const column = <T>(value: (cell: CubeCell) => T) => sql.param(cells.map(value));
    const recordset = sql`unnest(${column((c) => c.tableCode)}::text[], ${column((c) => c.period)}::text[],
      ${column((c) => c.citizen)}::text[], ${column((c) => c.sex)}::text[], ${column((c) => c.age)}::text[],
      ${column((c) => c.d1)}::text[], ${column((c) => c.d2)}::text[], ${column((c) => c.d3)}::text[],
      ${column((c) => c.n)}::bigint[], ${column((c) => c.total)}::bigint[])
      as r(table_code, period, citizen, sex, age, d1, d2, d3, n, total)`;
    await tx.execute(sql`insert into stat_cube (table_code, period, citizen, sex, age, d1, d2, d3, n, total)
      select * from ${recordset}
      on conflict (table_code, period, citizen, sex, age, d1, d2, d3)
      do update set n = stat_cube.n + excluded.n, total = stat_cube.total + excluded.total`);
    await tx.execute(sql`delete from stat_cube c using ${recordset}
      where c.table_code = r.table_code and c.period = r.period and c.citizen = r.citizen and c.sex = r.sex
        and c.age = r.age and c.d1 = r.d1 and c.d2 = r.d2 and c.d3 = r.d3 and c.n = 0 and c.total = 0`);
  }
  return keys.length;
}

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
  recordsPerFetch = 20_000,
): Promise<number> {
  const difference = new Map<string, CubeCell>();
  let all: StatisticalRecord[] = [];
  let before: StatisticalRecord[] = [];
  const handOver = () => {
    if (all.length === 0) return;
    addCells(personContributions(all), 1, difference);
    if (before.length > 0) addCells(personContributions(before), -1, difference);
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
  return writeCubeChange(tx, difference);
}
