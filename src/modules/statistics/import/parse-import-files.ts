import type { StatisticalRecord } from "../facts/statistical-record.js";
import { checkImportReferences } from "./check-import-references.js";
import { type ImportError, ImportErrorList } from "./import-error.js";
import {
  applicationsFile,
  decisionsFile,
  type ImportFileSpec,
  importFileSpecs,
  permitsFile,
  personEventFiles,
  personsFile,
} from "./import-file-specs.js";
import type { ImportRows, ReadRow } from "./import-rows.js";
import { readCsvTable } from "./read-csv-table.js";
import {
  readApplicationRow,
  readDecisionRow,
  readPermitRow,
  readPersonEventRow,
  readPersonRow,
} from "./read-import-rows.js";
import { isRealDate, RowReader } from "./row-reader.js";
import { toStatisticalRecords } from "./to-statistical-records.js";

export type { ImportError } from "./import-error.js";

export interface ImportFile {
  /** Base name, such as `persons.csv`. */
  name: string;
  content: string;
}

export interface ParsedImport {
  /** Empty whenever `errors` is not: an import is all or nothing. */
  records: StatisticalRecord[];
  /** Data lines read, by file name (`persons.csv`: 120), for every file in the import. */
  counts: Record<string, number>;
  errors: ImportError[];
}

/**
 * Checks a previous system's export (see docs/import-format.md) and turns it into statistical
 * records. Every line of every file is checked so that one run reports everything to fix.
 * `today` (YYYY-MM-DD, default the current UTC date) is the latest date an event may have.
 */
export function parseImportFiles(
  files: readonly ImportFile[],
  options: { today?: string } = {},
): ParsedImport {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isRealDate(today))
    throw new Error(`today must be a date written YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const errors = new ImportErrorList();

  const contents = new Map<string, string>();
  const known = new Set(importFileSpecs.map((spec) => spec.name));
  for (const file of files) {
    if (!known.has(file.name)) {
      errors.add({
        file: file.name,
        line: null,
        field: null,
        code: "unknown_file",
        message: `Unknown file; an import holds only ${[...known].join(", ")}.`,
      });
    } else if (contents.has(file.name)) {
      errors.add({
        file: file.name,
        line: null,
        field: null,
        code: "duplicate_file",
        message: "The file is given twice.",
      });
    } else {
      contents.set(file.name, file.content);
    }
  }

  const counts: Record<string, number> = {};
  const read = <T>(spec: ImportFileSpec, readRow: (reader: RowReader) => ReadRow<T>): ReadRow<T>[] => {
    const content = contents.get(spec.name);
    if (content === undefined) return [];
    const lines = readCsvTable(content, spec, errors).map((row) =>
      readRow(new RowReader(spec.name, row, errors, today)),
    );
    counts[spec.name] = lines.length;
    return lines;
  };

  const rows: ImportRows = {
    present: new Set(contents.keys()),
    persons: read(personsFile, readPersonRow),
    applications: read(applicationsFile, readApplicationRow),
    decisions: read(decisionsFile, readDecisionRow),
    permits: read(permitsFile, readPermitRow),
    personEvents: new Map(
      personEventFiles.map((spec) => [spec.name, read(spec, (reader) => readPersonEventRow(reader, spec))]),
    ),
  };
  checkImportReferences(rows, errors);

  if (!errors.isEmpty) {
    // Unknown files (rank -1) come first: they usually explain the rest.
    return { records: [], counts, errors: errors.sorted(importFileSpecs.map((spec) => spec.name)) };
  }
  return { records: toStatisticalRecords(rows), counts, errors: [] };
}
