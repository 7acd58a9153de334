import { CsvFormatError, type CsvRecord } from "../eurostat/csv-records.js";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/**
 * RFC 4180 records from text that arrives in pieces (a file read chunk by chunk), by the same rules
 * and with the same errors as `parseCsvRecords`, which needs the whole text at once: `\n` or `\r\n`
 * line ends, a leading byte-order mark dropped, quoted fields that may span lines, and each record
 * with the physical line it starts on. A chunk may end anywhere, even inside a quoted field.
 */
export class CsvRecordSplitter {
  private fields: string[] = [];
  private field = "";
  private line = 1;
  private recordLine = 1;
  private atFieldStart = true;
  private inQuotes = false;
  private quoteLine = 1;
  /** Inside quotes, the last character was a quote: an escaped quote or the closing one. */
  private quoteAtEnd = false;
  /** A closing quote was just read: only a comma or a line end may follow. */
  private afterClosingQuote = false;
  /** A carriage return outside quotes was just read: a line feed must follow. */
  private carriageReturn = false;
  private started = false;
  private empty = true;
  private endedWithNewline = false;

  /** The records completed by this piece of text. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let start = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) start = 1;
    }
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i);
      this.empty = false;
      this.endedWithNewline = code === LF;
      if (this.carriageReturn) {
        if (code !== LF) throw new CsvFormatError("bare carriage return outside quotes", this.line);
        this.carriageReturn = false;
        this.endRecord(records);
        continue;
      }
      if (this.inQuotes) {
        if (this.quoteAtEnd) {
          this.quoteAtEnd = false;
          if (code === QUOTE) {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
          this.afterClosingQuote = true;
          // Falls through: this character follows the closing quote.
        } else {
          if (code === QUOTE) {
            this.quoteAtEnd = true;
            this.endedWithNewline = false;
            continue;
          }
          if (code === LF) {
            this.line++;
            this.field += "\n";
            continue;
          }
          // The run of characters up to the next quote or line feed, in one slice.
          let end = i + 1;
          while (end < text.length) {
            const next = text.charCodeAt(end);
            if (next === QUOTE || next === LF) break;
            end++;
          }
          this.field += text.slice(i, end);
          this.endedWithNewline = false;
          i = end - 1;
          continue;
        }
      }
      if (this.afterClosingQuote) {
        this.afterClosingQuote = false;
        if (code !== COMMA && code !== LF && code !== CR) {
          throw new CsvFormatError("unexpected character after closing quote", this.line);
        }
      }
      if (code === COMMA) {
        this.fields.push(this.field);
        this.field = "";
        this.atFieldStart = true;
      } else if (code === LF) {
        this.endRecord(records);
      } else if (code === CR) {
        this.carriageReturn = true;
      } else if (code === QUOTE) {
        if (!this.atFieldStart) throw new CsvFormatError("quote inside an unquoted field", this.line);
        this.inQuotes = true;
        this.quoteLine = this.line;
        this.atFieldStart = false;
      } else {
        // The run of plain characters up to the next comma, line end or quote, in one slice.
        let end = i + 1;
        while (end < text.length) {
          const next = text.charCodeAt(end);
          if (next === COMMA || next === LF || next === CR || next === QUOTE) break;
          end++;
        }
        this.field = this.field === "" ? text.slice(i, end) : this.field + text.slice(i, end);
        this.atFieldStart = false;
        this.endedWithNewline = false;
        i = end - 1;
      }
    }
    return records;
  }

  /** The last record, when the text does not end with a line end. */
  end(): CsvRecord[] {
    if (this.inQuotes && !this.quoteAtEnd)
      throw new CsvFormatError("unterminated quoted field", this.quoteLine);
    if (this.carriageReturn) throw new CsvFormatError("bare carriage return outside quotes", this.line);
    if (this.empty || this.endedWithNewline) return [];
    this.fields.push(this.field);
    return [{ line: this.recordLine, fields: this.fields }];
  }

  private endRecord(records: CsvRecord[]): void {
    this.fields.push(this.field);
    records.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = "";
    this.atFieldStart = true;
    this.line++;
    this.recordLine = this.line;
  }
}
