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
 * with the physical line it starts on. A piece may end anywhere, even inside a quoted field.
 *
 * The records are pulled one at a time (`add` a piece, then `next` until it says false; `finish` at the end) into one
 * array of fields that the next record reuses: an import reads millions of lines, and an array and
 * an object per line were a large part of its garbage.
 */
export class CsvRecordSplitter {
  /** The fields of the record `next` (or `finish`) completed last; the next call reuses the array. */
  readonly fields: string[] = [];
  /** The physical line the record `next` completed last starts on. */
  recordLine = 1;
  private text = "";
  private at = 0;
  private completed = false;
  private field = "";
  private line = 1;
  /** The physical line the record being read starts on. */
  private startLine = 1;
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

  /** Takes the next piece of text, once `next` has read the previous one to its end. */
  add(text: string): void {
    if (this.at < this.text.length) throw new Error("CsvRecordSplitter: the previous piece is not read");
    this.text = text;
    this.at = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) this.at = 1;
    }
    if (text.length > this.at) {
      this.empty = false;
      this.endedWithNewline = text.charCodeAt(text.length - 1) === LF;
    }
  }

  /**
   * Reads the next record of the text added so far into `fields` and `recordLine`: false when the
   * text ends before the record does (add the next piece, or `finish`).
   */
  next(): boolean {
    if (this.completed) {
      this.fields.length = 0;
      this.completed = false;
    }
    const text = this.text;
    const length = text.length;
    let i = this.at;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (this.carriageReturn) {
        if (code !== LF) throw new CsvFormatError("bare carriage return outside quotes", this.line);
        this.carriageReturn = false;
        this.endRecord();
        this.at = i + 1;
        return true;
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
            continue;
          }
          if (code === LF) {
            this.line++;
            this.field += "\n";
            continue;
          }
          // The run of characters up to the next quote or line feed, in one slice.
          let end = i + 1;
          while (end < length) {
            const next = text.charCodeAt(end);
            if (next === QUOTE || next === LF) break;
            end++;
          }
          this.field += text.slice(i, end);
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
        this.endRecord();
        this.at = i + 1;
        return true;
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
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next === COMMA || next === LF || next === CR || next === QUOTE) break;
          end++;
        }
        this.field = this.field === "" ? text.slice(i, end) : this.field + text.slice(i, end);
        this.atFieldStart = false;
        i = end - 1;
      }
    }
    this.at = length;
    return false;
  }

  /**
   * Once the text has ended: reads the last record into `fields` when the text does not end with a
   * line end (true), after `next` has said false.
   */
  finish(): boolean {
    if (this.completed) {
      this.fields.length = 0;
      this.completed = false;
    }
    if (this.inQuotes && !this.quoteAtEnd)
      throw new CsvFormatError("unterminated quoted field", this.quoteLine);
    if (this.carriageReturn) throw new CsvFormatError("bare carriage return outside quotes", this.line);
    if (this.empty || this.endedWithNewline) return false;
    this.fields.push(this.field);
    this.recordLine = this.startLine;
    this.completed = true;
    return true;
  }

  /** The records completed by this piece of text, each with fields of its own. */
  push(text: string): CsvRecord[] {
    this.add(text);
    const records: CsvRecord[] = [];
    while (this.next()) records.push({ line: this.recordLine, fields: [...this.fields] });
    return records;
  }

  /** The last record, when the text does not end with a line end. */
  end(): CsvRecord[] {
    return this.finish() ? [{ line: this.recordLine, fields: [...this.fields] }] : [];
  }

  private endRecord(): void {
    this.fields.push(this.field);
    this.completed = true;
    this.recordLine = this.startLine;
    this.field = "";
    this.atFieldStart = true;
    this.line++;
    this.startLine = this.line;
  }
}
