/**
 * A small RFC 4180 reader for files people export from spreadsheets: fields in double quotes may
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

/** Every record of the text, blank lines left out. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;

  const endField = () => {
    fields.push(quotedField ? field : field.trim());
    field = "";
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (inQuotes) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          inQuotes = false;
        }
      } else {
        if (character === "\n") line += 1;
        field += character;
      }
      continue;
    }
    if (character === '"') {
      if (field.trim() !== "") throw new CsvFormatError(line, "portal.csv.errors.strayQuote");
      field = "";
      inQuotes = true;
      quotedField = true;
    } else if (character === separator) {
      endField();
    } else if (character === "\r" || character === "\n") {
      if (character === "\r" && text[index + 1] === "\n") index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (quotedField) {
      if (character.trim() !== "") throw new CsvFormatError(line, "portal.csv.errors.strayQuote");
    } else {
      field += character;
    }
  }
  if (inQuotes) throw new CsvFormatError(recordLine, "portal.csv.errors.unclosedQuote");
  endRecord();
  return records;
}
