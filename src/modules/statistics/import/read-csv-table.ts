import { CsvFormatError } from "../eurostat/csv-records.js";
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

interface Header {
  readonly width: number;
  /** The field index of each column of the specification in the header (its first, when doubled). */
  readonly columns: ReadonlyMap<string, number>;
}

/** Checks the header's columns against the file's specification. */
export function readHeader(
  fields: readonly string[],
  line: number,
  spec: ImportFileSpec,
  errors: ImportErrorSink,
): Header {
  const file = spec.name;
  const known = new Set<string>([...spec.required, ...spec.optional]);
  const columns = new Map<string, number>();
  fields.forEach((raw, index) => {
    const name = raw.trim();
    if (!known.has(name)) {
      errors.add({
        file,
        line,
        field: name,
        code: "unknown_column",
        message: `Unknown column ${JSON.stringify(name)}; the columns of ${file} are ${[...known].join(", ")} (names are case-sensitive).`,
      });
    } else if (columns.has(name)) {
      errors.add({
        file,
        line,
        field: name,
        code: "duplicate_column",
        message: `Column ${name} appears twice.`,
      });
    } else {
      columns.set(name, index);
    }
  });
  for (const name of spec.required) {
    if (!columns.has(name)) {
      errors.add({
        file,
        line,
        field: name,
        code: "missing_column",
        message: `Required column ${name} is missing.`,
      });
    }
  }
  return { width: fields.length, columns };
}

const NO_COLUMNS: ReadonlyMap<string, number> = new Map();

/**
 * A file's header and rows, read as the text arrives, reporting malformed CSV and wrong columns.
 * Rows are still read when the header has problems, so that one run also reports the problems of
 * the values; malformed CSV ends the file, since nothing after it can be read reliably.
 *
 * The rows are pulled one at a time: `add` a piece of the text, then `next` until it says false,
 * and `end` once the text has ended (then `next` gives the last row). A row is `line` and `fields`,
 * one array that the next row reuses; `columns` tells, once per file, which field holds which
 * column. Cells are untrimmed: whoever reads one trims it.
 */
export class CsvTable {
  private readonly splitter = new CsvRecordSplitter();
  private header: Header | null = null;
  private ended = false;
  private finished = false;
  /** Malformed CSV or an empty first line: nothing more of the file is read. */
  stopped = false;

  constructor(
    private readonly spec: ImportFileSpec,
    private readonly errors: ImportErrorSink,
  ) {}

  /** The row's physical line (the header is line 1). */
  get line(): number {
    return this.splitter.recordLine;
  }

  /** The row's fields, in the order of the header. */
  get fields(): readonly string[] {
    return this.splitter.fields;
  }

  /** The field index of each column of the specification the header has. */
  get columns(): ReadonlyMap<string, number> {
    return this.header?.columns ?? NO_COLUMNS;
  }

  add(text: string): void {
    if (!this.stopped) this.splitter.add(text);
  }

  /** The text has ended. */
  end(): void {
    this.ended = true;
  }

  /** Reads the next data row into `line` and `fields`: false when there is none before more text. */
  next(): boolean {
    if (this.stopped) return false;
    try {
      while (this.splitter.next()) {
        if (this.isRow()) return true;
        if (this.stopped) return false;
      }
      if (this.ended && !this.finished) {
        this.finished = true;
        if (this.splitter.finish() && this.isRow()) return true;
        if (!this.stopped && this.header === null) this.missingHeader();
        this.stopped = true;
      }
    } catch (error) {
      if (!(error instanceof CsvFormatError)) throw error;
      this.stopped = true;
      const reason = error.message.replace(/^line \d+: /, "");
      this.errors.add({
        file: this.spec.name,
        line: error.line,
        field: null,
        code: "invalid_csv",
        message: `Malformed CSV: ${reason}.`,
      });
    }
    return false;
  }

  /** Whether the record just read is a data row; the header and lines that cannot be read are not. */
  private isRow(): boolean {
    const fields = this.splitter.fields;
    if (this.header === null) {
      if (isBlank(fields)) {
        this.stopped = true;
        this.missingHeader();
        return false;
      }
      this.header = readHeader(fields, this.splitter.recordLine, this.spec, this.errors);
      return false;
    }
    // Spreadsheets leave empty lines at the end; they carry no data, so they are not an error.
    if (isBlank(fields)) return false;
    if (fields.length !== this.header.width) {
      this.errors.add({
        file: this.spec.name,
        line: this.splitter.recordLine,
        field: null,
        code: "field_count",
        message: `The line has ${fields.length} fields but the header has ${this.header.width}.`,
      });
      return false;
    }
    return true;
  }

  private missingHeader(): void {
    this.errors.add({
      file: this.spec.name,
      line: 1,
      field: null,
      code: "missing_header",
      message: "The first line must name the columns.",
    });
  }
}

/**
 * The rows of a `CsvTable`, each with a map of its trimmed cells: for reading a file again whose
 * lines were checked, where the speed of a line matters less than its plainness.
 */
export async function* readCsvTable(
  text: AsyncIterable<string>,
  spec: ImportFileSpec,
  errors: ImportErrorSink,
): AsyncGenerator<TableRow> {
  const table = new CsvTable(spec, errors);
  const row = (): TableRow => {
    const cells = new Map<string, string>();
    for (const [name, index] of table.columns) cells.set(name, (table.fields[index] ?? "").trim());
    return { line: table.line, cells };
  };
  for await (const piece of text) {
    table.add(piece);
    while (table.next()) yield row();
    if (table.stopped) return;
  }
  table.end();
  while (table.next()) yield row();
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]?.trim() === "";
}
