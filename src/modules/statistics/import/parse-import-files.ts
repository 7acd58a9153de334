import type { StatisticalRecord } from "../facts/statistical-record.js";
import type { ImportError } from "./import-error.js";
import type { ImportFile } from "./import-source.js";
import { streamImportFiles } from "./stream-import-files.js";

export type { ImportError } from "./import-error.js";
export type { ImportFile } from "./import-source.js";

export interface ParsedImport {
  /** Empty whenever `errors` is not: an import is all or nothing. */
  records: StatisticalRecord[];
  /** Data lines read, by file name (`persons.csv`: 120), for every file in the import. */
  counts: Record<string, number>;
  errors: ImportError[];
}

/**
 * Checks a previous system's export (see docs/import-format.md) and returns all its records at
 * once: for small imports and tests. `karvan import` streams the records to the database instead
 * (`streamImportFiles`), so that the size of the files does not matter.
 * `today` (YYYY-MM-DD, default the current UTC date) is the latest date an event may have.
 */
export async function parseImportFiles(
  files: readonly ImportFile[],
  options: { today?: string } = {},
): Promise<ParsedImport> {
  const records: StatisticalRecord[] = [];
  const read = await streamImportFiles(files, {
    ...options,
    onRecords: async (batch) => {
      records.push(...batch);
    },
  });
  return { records: read.errors.length > 0 ? [] : records, counts: read.counts, errors: read.errors };
}
