import { CsvFormatError, parseCsvRecords } from "../eurostat/csv-records.js";
import type { ImportErrorList } from "./import-error.js";
import type { ImportFileSpec } from "./import-file-specs.js";

export interface TableRow {
  /** Physical line the row starts on (the header is line 1). */
  readonly line: number;
  /**
   * Trimmed cell values by column name. A column absent from the header has no entry, which row
   * readers tell apart from an empty cell.
   */
  readonly cells: ReadonlyMap<string, string>;
}

/**
 * Reads a file's header and rows, reporting malformed CSV and wrong columns. Rows are still
 * returned when the header has problems, so that one run also reports the problems of the values.
 */
export function readCsvTable(content: string, spec: ImportFileSpec, errors: ImportErrorList): TableRow[] {
  const file = spec.name;
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(content);
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    const reason = error.message.replace(/^line \d+: /, "");
    errors.add({
      file,
      line: error.line,
      field: null,
      code: "invalid_csv",
      message: `Malformed CSV: ${reason}.`,
    });
    return [];
  }
  const [header, ...body] = records;
  if (header === undefined || isBlank(header.fields)) {
    errors.add({
      file,
      line: 1,
      field: null,
      code: "missing_header",
      message: "The first line must name the columns.",
    });
    return [];
  }

  const known = new Set<string>([...spec.required, ...spec.optional]);
  const columnAt = new Map<number, string>();
  const seen = new Set<string>();
  header.fields.forEach((raw, index) => {
    const name = raw.trim();
    if (!known.has(name)) {
      errors.add({
        file,
        line: header.line,
        field: name,
        code: "unknown_column",
        message: `Unknown column ${JSON.stringify(name)}; the columns of ${file} are ${[...known].join(", ")}.`,
      });
    } else if (seen.has(name)) {
      errors.add({
        file,
        line: header.line,
        field: name,
        code: "duplicate_column",
        message: `Column ${name} appears twice.`,
      });
    } else {
      seen.add(name);
      columnAt.set(index, name);
    }
  });
  for (const name of spec.required) {
    if (!seen.has(name)) {
      errors.add({
        file,
        line: header.line,
        field: name,
        code: "missing_column",
        message: `Required column ${name} is missing.`,
      });
    }
  }

  const rows: TableRow[] = [];
  for (const record of body) {
    // Spreadsheets leave empty lines at the end; they carry no data, so they are not an error.
    if (isBlank(record.fields)) continue;
    if (record.fields.length !== header.fields.length) {
      errors.add({
        file,
        line: record.line,
        field: null,
        code: "field_count",
        message: `The line has ${record.fields.length} fields but the header has ${header.fields.length}.`,
      });
      continue;
    }
    const cells = new Map<string, string>();
    for (const [index, name] of columnAt) cells.set(name, (record.fields[index] ?? "").trim());
    rows.push({ line: record.line, cells });
  }
  return rows;
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]?.trim() === "";
}
