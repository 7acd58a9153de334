import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, driverConnection, type Queryable } from "../../../platform/db/index.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import { streamImportFilesInThread } from "../import/check-in-thread.js";
import type { ImportError } from "../import/import-error.js";
import { type ImportFile, sizeOfImportFile } from "../import/import-source.js";
import { type StreamedImport, streamImportFiles } from "../import/stream-import-files.js";
import { addBatchToCubes } from "./add-batch-to-cubes.js";
import { withImportLineStore } from "./import-line-store.js";
import { alreadyStoredRecordId, openRecordCopy, type RecordCopy } from "./record-copy.js";
import { analyzeCubes, analyzeRecords } from "./record-repository.js";
import type { StatisticalRecord } from "./statistical-record.js";

export interface ImportReport {
  batchId: string;
  /** Lines of persons.csv (persons are facts of the records, not records themselves). */
  persons: number;
  records: number;
  cells: number;
}

export class DuplicateImportError extends Error {
  constructor(readonly recordId: string) {
    super(`record ${recordId} (and perhaps others) was imported before: nothing was imported`);
  }
}

/** Past this many records the planner's statistics are refreshed in the import's transaction. */
const ANALYZE_AFTER_RECORDS = 10_000;
/**
 * Lines checked together (one lookup of the ids they refer to) and converted before their records
 * are handed to the COPY: a batch is garbage while still young, which keeps the collector's work and
 * the process's memory small.
 */
const LINES_PER_BATCH = 5_000;

interface BatchHeader {
  importedBy: string;
  at: Date;
}

async function openBatch(tx: Queryable, batchId: string, batch: BatchHeader): Promise<void> {
  await tx.execute(sql`insert into stat_import_batches (id, imported_at, imported_by, files, record_count)
    values (${batchId}, ${batch.at.toISOString()}, ${batch.importedBy}, '{}'::jsonb, 0)`);
}

/**
 * Counts the batch, moves the cubes by it, and refreshes the planner's statistics after a large one:
 * the records' before the cubes are moved (their query joins the batch to the other records), the
 * cubes' after (the records did not change in between).
 */
async function closeBatch(
  tx: Queryable,
  batchId: string,
  summary: { files: Record<string, number>; records: number },
): Promise<number> {
  await tx.execute(sql`update stat_import_batches
    set files = ${JSON.stringify(summary.files)}::jsonb, record_count = ${summary.records} where id = ${batchId}`);
  const large = summary.records >= ANALYZE_AFTER_RECORDS;
  if (large) await analyzeRecords(tx);
  const cells = await addBatchToCubes(tx, batchId);
  if (large) await analyzeCubes(tx);
  return cells;
}

/**
 * Copies a batch's records in while `load` hands them on, and waits until they are stored. A
 * record id stored before (by an earlier import) refuses the whole import: the caller's transaction
 * is then rolled back.
 */
async function copyRecords<T>(
  tx: Queryable,
  batchId: string,
  load: (copy: RecordCopy) => Promise<T>,
): Promise<T> {
  const copy = openRecordCopy(tx, batchId);
  const copied = async () => {
    try {
      await copy.end();
    } catch (error) {
      const stored = alreadyStoredRecordId(error);
      throw stored === null ? error : new DuplicateImportError(stored);
    }
  };
  let loaded: T;
  try {
    loaded = await load(copy);
  } catch (error) {
    // A COPY that failed makes every later statement of the transaction fail: its error, when
    // there is one, is the cause to report.
    await copied();
    throw error;
  }
  await copied();
  return loaded;
}

/**
 * Stores a previous system's records as one batch and adds them to the cubes, in one transaction:
 * all of them, or none (a record id seen in an earlier import refuses the whole batch).
 */
export async function importStatisticalRecords(
  db: Database,
  records: StatisticalRecord[],
  batch: BatchHeader & { files: Record<string, number> },
): Promise<ImportReport> {
  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    await lockCubes(tx);
    await openBatch(tx, batchId, batch);
    await copyRecords(tx, batchId, async (copy) => {
      for (let index = 0; index < records.length; index += LINES_PER_BATCH) {
        await copy.write(records.slice(index, index + LINES_PER_BATCH));
      }
    });
    const cells = await closeBatch(tx, batchId, { files: batch.files, records: records.length });
    const persons = new Set(records.map((record) => record.person.personKey)).size;
    return { batchId, persons, records: records.length, cells };
  });
}

/**
 * Files of at least this many bytes in all are checked in a worker thread on a server: below it,
 * starting the thread costs more than the second core saves.
 */
const THREAD_FROM_BYTES = 4 * 1024 * 1024;

/** The server to open the checking thread's session on, when the import is worth a thread. */
async function threadServer(
  db: Database,
  files: readonly ImportFile[],
  inThread: boolean | undefined,
): Promise<string | null> {
  const pool = driverConnection(db);
  if (inThread === false || !(pool instanceof pg.Pool) || !pool.options.connectionString) return null;
  if (inThread === true) return pool.options.connectionString;
  let bytes = 0;
  for (const file of files) bytes += await sizeOfImportFile(file);
  return bytes >= THREAD_FROM_BYTES ? pool.options.connectionString : null;
}

export type FilesImport =
  | { imported: true; report: ImportReport; counts: Record<string, number> }
  | { imported: false; errors: ImportError[]; counts: Record<string, number> };

/** Thrown inside the import's transaction to roll back what was stored before a bad line was found. */
class ImportRefused extends Error {
  constructor(readonly read: StreamedImport) {
    super("the import files have errors");
  }
}

/**
 * Checks every line of every file and stores the records as they are checked, in one transaction:
 * when a line is wrong, nothing at all is stored and every error is listed by file, line and field.
 * The files are read line by line; the ids later lines refer to are kept in a temporary table and
 * the records go in by COPY while the next lines are read, so memory does not grow with the files.
 */
export async function importFiles(
  db: Database,
  files: readonly ImportFile[],
  batch: BatchHeader,
  options: {
    onProgress?: (done: number, total: number) => void;
    linesPerBatch?: number;
    /** Check the lines in a worker thread (server only); default: for files of 4 MB or more. */
    inThread?: boolean;
  } = {},
): Promise<FilesImport> {
  const batchId = randomUUID();
  const today = batch.at.toISOString().slice(0, 10);
  const batchSize = options.linesPerBatch ?? LINES_PER_BATCH;
  const onProgress = options.onProgress ? { onProgress: options.onProgress } : {};
  const server = await threadServer(db, files, options.inThread);
  try {
    return await db.transaction(async (tx) => {
      await lockCubes(tx);
      await openBatch(tx, batchId, batch);
      const read =
        server === null
          ? await withImportLineStore(db, tx, (references) =>
              copyRecords(tx, batchId, (copy) =>
                streamImportFiles(files, {
                  today,
                  batchSize,
                  references,
                  ...onProgress,
                  onRecords: (records) => copy.write(records),
                }),
              ),
            )
          : await copyRecords(tx, batchId, (copy) =>
              streamImportFilesInThread(files, {
                today,
                batchSize,
                batchId,
                databaseUrl: server,
                ...onProgress,
                onCopyText: (text) => copy.writeText(text),
              }),
            );
      if (read.errors.length > 0) throw new ImportRefused(read);
      const cells = await closeBatch(tx, batchId, { files: read.counts, records: read.records });
      return {
        imported: true as const,
        report: { batchId, persons: read.persons, records: read.records, cells },
        counts: read.counts,
      };
    });
  } catch (error) {
    if (error instanceof ImportRefused) {
      return { imported: false, errors: error.read.errors, counts: error.read.counts };
    }
    throw error;
  }
}
