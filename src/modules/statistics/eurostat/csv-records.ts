/**
 * Minimal RFC 4180 reader shared by the Eurostat readers (Karvan's own files are written by
 * platform/csv). Hand-rolled rather than a dependency because every reader must report the
 * physical line a malformed record starts on, and quoted fields may span lines, so record index
 * and line number differ.
 */

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  readonly line: number;
  readonly fields: string[];
}

export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvFormatError";
  }
}

/**
 * Parses RFC 4180 text. Accepts `\n` and `\r\n` line ends (Eurostat's bulk downloads use `\r\n`),
 * strips a leading byte-order mark, and drops a single trailing line end. Blank lines are returned
 * as records with one empty field so callers can reject them with a line number.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  if (source.length === 0) return records;
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = source.length;
  let atFieldStart = true;
  while (i < n) {
    const ch = source[i];
    if (atFieldStart && ch === '"') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvFormatError("unterminated quoted field", quoteLine);
        const c = source[i];
        if (c === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        field += c;
        i++;
      }
      const next = source[i];
      if (i < n && next !== "," && next !== "\n" && next !== "\r") {
        throw new CsvFormatError("unexpected character after closing quote", line);
      }
      atFieldStart = false;
      continue;
    }
    if (ch === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      if (ch === "\r") {
        if (source[i + 1] !== "\n") throw new CsvFormatError("bare carriage return outside quotes", line);
        i++;
      }
      i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      atFieldStart = true;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"') throw new CsvFormatError("quote inside an unquoted field", line);
    field += ch;
    atFieldStart = false;
    i++;
  }
  const endedWithNewline = source.endsWith("\n");
  if (!endedWithNewline) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}
