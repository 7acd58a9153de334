import { CsvFormatError, type CsvRecord } from "../eurostat/csv-records.js";
import { CsvRecordSplitter } from "./csv-record-splitter.js";
import type { ImportErrorSink } from "./import-error.js";
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

/** The CSV records of a text that arrives in pieces, as each is complete. */
async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const splitter = new CsvRecordSplitter();
  for await (const piece of text) yield* splitter.push(piece);
  yield* splitter.end();
}

interface Header {
  readonly line: number;
  readonly width: number;
  readonly columnAt: ReadonlyMap<number, string>;
}

/** Checks the header's columns against the file's specification. */
function readHeader(header: CsvRecord, spec: ImportFileSpec, errors: ImportErrorSink): Header {
  const file = spec.name;
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
        message: `Unknown column ${JSON.stringify(name)}; the columns of ${file} are ${[...known].join(", ")} (names are case-sensitive).`,
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
  return { line: header.line, width: header.fields.length, columnAt };
}

/**
 * Reads a file's header and rows as the text arrives, reporting malformed CSV and wrong columns.
 * Rows are still returned when the header has problems, so that one run also reports the problems
 * of the values; malformed CSV ends the file, since nothing after it can be read reliably.
 */
export async function* readCsvTable(
  text: AsyncIterable<string>,
  spec: ImportFileSpec,
  errors: ImportErrorSink,
): AsyncGenerator<TableRow> {
  const file = spec.name;
  let header: Header | null = null;
  try {
    for await (const record of csvRecords(text)) {
      if (header === null) {
        if (isBlank(record.fields)) break;
        header = readHeader(record, spec, errors);
        continue;
      }
      // Spreadsheets leave empty lines at the end; they carry no data, so they are not an error.
      if (isBlank(record.fields)) continue;
      if (record.fields.length !== header.width) {
        errors.add({
          file,
          line: record.line,
          field: null,
          code: "field_count",
          message: `The line has ${record.fields.length} fields but the header has ${header.width}.`,
        });
        continue;
      }
      const cells = new Map<string, string>();
      for (const [index, name] of header.columnAt) cells.set(name, (record.fields[index] ?? "").trim());
      yield { line: record.line, cells };
    }
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
    return;
  }
  if (header === null) {
    errors.add({
      file,
      line: 1,
      field: null,
      code: "missing_header",
      message: "The first line must name the columns.",
    });
  }
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]?.trim() === "";
}
