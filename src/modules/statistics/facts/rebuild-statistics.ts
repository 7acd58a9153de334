import { sql } from "drizzle-orm";
import { queryRows } from "../../../platform/db/index.js";
import { caseIdsAfter, clearChangedCases } from "../../cases/index.js";
import { type CubeCell, nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import type { StatisticsContext } from "../statistics-context.js";
import { recordsOfCases } from "./project-changed-cases.js";
import { insertRecords, loadRecordsOfPersons } from "./record-repository.js";

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
 * Throws the case records and the cubes away and computes them again from every case's events
 * (imported records are source data and stay). The result must equal the cubes kept current change
 * by change (tested): that is what lets a change of methodology be deployed.
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
    for (let after: string | null = null; ; ) {
      const caseIds = await caseIdsAfter(tx, after, 1000);
      if (caseIds.length === 0) break;
      const batch = await recordsOfCases(tx, caseIds, context.registry, context.deadlines);
      await insertRecords(tx, batch);
      cases += caseIds.length;
      records += batch.length;
      after = caseIds.at(-1) ?? null;
      onProgress({ phase: "records", done: cases });
    }
    const cube = new Map<string, CubeCell>();
    let persons = 0;
    for (let after = ""; ; ) {
      const keys = (
        await queryRows<{ person_key: string }>(
          tx,
          sql`select distinct person_key from stat_records where person_key > ${after} order by person_key limit 5000`,
        )
      ).map((row) => row.person_key);
      if (keys.length === 0) break;
      for (const personRecords of (await loadRecordsOfPersons(tx, keys)).values()) {
        sumCells(personContributions(personRecords), 1, cube);
      }
      persons += keys.length;
      after = keys.at(-1) ?? after;
      onProgress({ phase: "cubes", done: persons });
    }
    const cells = nonZeroCells(cube);
    await addToCubes(tx, cells);
    return { cases, records, persons, cells: cells.length };
  });
}
