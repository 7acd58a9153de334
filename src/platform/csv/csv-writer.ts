/**
 * The one CSV writer for every file Karvan lets people download (statistics tables, SDMX-CSV,
 * chart data, the audit trail, guest-list templates).
 *
 * Cells are typed. A number is a figure and is written as it is, so `-3` stays a negative number a
 * spreadsheet can add up. A string is text, and text can come from anyone (a name, a label, a code
 * typed by an administrator): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return as a formula, so such text gets a leading apostrophe and is shown as text
 * ("CSV injection"). Text that itself starts with an apostrophe gets one more, so that a reader of
 * Karvan's own files (`restoreCsvText`) can take the apostrophe off again without guessing.
 *
 * Fields are quoted only where RFC 4180 requires it (a comma, a quote or a line break inside),
 * which is also what Eurostat's own files do.
 */

export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** `\r\n` (RFC 4180, what spreadsheets expect) unless a format says otherwise. */
  lineEnd?: "\r\n" | "\n";
  /** A UTF-8 byte-order mark first, so that Excel reads the file as UTF-8 and not the local code page. */
  byteOrderMark?: boolean;
}

/** Starts that make a spreadsheet evaluate a cell, and the apostrophe that protects against them. */
const formulaStart = /^[=+\-@\t\r']/;
const neutralised = /^'[=+\-@\t\r']/;
const needsQuotes = /[",\r\n]/;

function textField(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function numberField(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a CSV number must be finite, got ${value}`);
  return String(value);
}

/** One cell as it appears in the file. */
function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "number" ? numberField(cell) : textField(cell);
}

/** One record without a line end (e.g. to show a file's header line on a page). */
export function csvRecord(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(",");
}

/** One record with its line end, for files written (or streamed) line by line. */
export function csvLine(cells: readonly CsvCell[], lineEnd: "\r\n" | "\n" = "\r\n"): string {
  return `${csvRecord(cells)}${lineEnd}`;
}

/** A whole file: every record ends with the line end, the last one too. */
export function writeCsv(records: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
  const lineEnd = options.lineEnd ?? "\r\n";
  let text = options.byteOrderMark ? "\uFEFF" : "";
  for (const record of records) text += csvLine(record, lineEnd);
  return text;
}

/**
 * A text field of a file this writer produced, as it was before writing: the protective apostrophe
 * taken off. Text from elsewhere that merely starts with an apostrophe is left alone.
 */
export function restoreCsvText(field: string): string {
  return neutralised.test(field) ? field.slice(1) : field;
}
