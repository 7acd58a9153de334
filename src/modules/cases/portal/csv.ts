import { CsvError, parse } from "csv-parse/sync";

/**
 * RFC 4180 records (csv-parse) of files people export from spreadsheets: fields in double quotes may
 * hold commas, quotes ("") and line breaks; lines end in CRLF or LF; a UTF-8 byte-order mark is
 * dropped. Spreadsheets set to Azerbaijani or Russian write ";" between fields, so the separator
 * is whichever of "," and ";" the header line uses (outside quotes).
 */

export interface CsvRecord {
  /** The line of the file the record starts on (the header is line 1), for error reports. */
  line: number;
  fields: string[];
}

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly messageKey: string,
  ) {
    super(`CSV line ${line}: ${messageKey}`);
    this.name = "CsvFormatError";
  }
}

function separatorOf(text: string): "," | ";" {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const character of text) {
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (character === "\n" || character === "\r")) break;
    else if (!inQuotes && character === ",") commas += 1;
    else if (!inQuotes && character === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

const LF = 0x0a;

/** The lines a record's text takes: its line breaks, the one that ends it counted once. */
function linesOf(raw: Buffer): number {
  let breaks = 0;
  for (const byte of raw) if (byte === LF) breaks += 1;
  return raw.at(-1) === LF ? breaks : breaks + 1;
}

/** Every record of the text, blank lines left out. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  // Bytes, so that csv-parse's count of what each record took (`bytes`) cuts out its raw text.
  const bytes = Buffer.from(text, "utf8");
  const records: CsvRecord[] = [];
  let line = 1;
  let from = 0;
  try {
    parse(bytes, {
      delimiter: separatorOf(text),
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      // Spaces around a field go, those inside quotes stay.
      trim: true,
      on_record: (fields: string[], { bytes: to }) => {
        if (fields.length > 1 || fields[0] !== "") records.push({ line, fields });
        // csv-parse counts a CR inside quotes as a line; the line numbers people see count LFs.
        line += linesOf(bytes.subarray(from, to));
        from = to;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "CSV_QUOTE_NOT_CLOSED")
      throw new CsvFormatError(line, "portal.csv.errors.unclosedQuote");
    if (error.code === "INVALID_OPENING_QUOTE" || error.code === "CSV_INVALID_CLOSING_QUOTE") {
      throw new CsvFormatError(line, "portal.csv.errors.strayQuote");
    }
    throw error;
  }
  return records;
}
