import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { anyOf, type Database } from "../../../platform/db/index.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import { type ImportError, type ImportFile, parseImportFiles } from "../import/parse-import-files.js";
import { replaceRecords } from "./replace-records.js";
import type { StatisticalRecord } from "./statistical-record.js";

export interface ImportReport {
  batchId: string;
  records: number;
  cells: number;
}

export class DuplicateImportError extends Error {
  constructor(readonly recordIds: string[]) {
    super(
      `${recordIds.length} record(s) were imported before (${recordIds.slice(0, 3).join(", ")}…): nothing was imported`,
    );
  }
}

/**
 * Stores a previous system's records as one batch and adds them to the cubes, in one transaction:
 * all of them, or none (a record id seen in an earlier import refuses the whole batch).
 */
export async function importStatisticalRecords(
  db: Database,
  records: StatisticalRecord[],
  batch: { importedBy: string; files: Record<string, number>; at: Date },
): Promise<ImportReport> {
  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    await lockCubes(tx);
    const ids = records.map((record) => record.recordId);
    const seen = (await tx.execute(
      sql`select record_id from stat_records where record_id = ${anyOf(ids)} limit 10`,
    )) as unknown as { rows: Array<{ record_id: string }> };
    if (seen.rows.length > 0) throw new DuplicateImportError(seen.rows.map((row) => row.record_id));
    await tx.execute(sql`insert into stat_import_batches (id, imported_at, imported_by, files, record_count)
      values (${batchId}, ${batch.at.toISOString()}, ${batch.importedBy}, ${JSON.stringify(batch.files)}::jsonb,
              ${records.length})`);
    const cells = await replaceRecords(tx, {
      replaceCases: [],
      add: records.map((record) => ({ ...record, batchId })),
    });
    return { batchId, records: records.length, cells };
  });
}

export type FilesImport =
  | { imported: true; report: ImportReport; counts: Record<string, number> }
  | { imported: false; errors: ImportError[]; counts: Record<string, number> };

/** Checks every row of every file, then stores all the records, or nothing when one row is wrong. */
export async function importFiles(
  db: Database,
  files: ImportFile[],
  batch: { importedBy: string; at: Date },
): Promise<FilesImport> {
  const parsed = parseImportFiles(files, { today: batch.at.toISOString().slice(0, 10) });
  if (parsed.errors.length > 0) return { imported: false, errors: parsed.errors, counts: parsed.counts };
  const report = await importStatisticalRecords(db, parsed.records, { ...batch, files: parsed.counts });
  return { imported: true, report, counts: parsed.counts };
}
