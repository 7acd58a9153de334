import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { isCountryCode } from "../../../platform/reference/index.js";
import type { PersonForMatching } from "../matching/person-comparisons.js";

/**
 * Reads the CSV file of person records that `karvan people link` and the workspace page link
 * (docs/people-link.md): a header naming the columns, then one record per line. The file is read as
 * it arrives (csv-parse's stream), every row is checked, and every problem is reported with its line
 * and column, so that one run lists all that must be corrected.
 */

export const peopleFileColumns = [
  "record_id",
  "given_names",
  "family_name",
  "full_name",
  "sex",
  "birth_date",
  "citizenship",
  "document_number",
] as const;

export type PeopleFileColumn = (typeof peopleFileColumns)[number];

export type PeopleFileProblemCode =
  | "not_utf8"
  | "invalid_csv"
  | "missing_header"
  | "unknown_column"
  | "duplicate_column"
  | "missing_column"
  | "field_count"
  | "missing_value"
  | "duplicate_id"
  | "too_long"
  | "invalid_sex"
  | "invalid_date"
  | "invalid_citizenship"
  | "no_records";

export interface PeopleFileProblem {
  /** The line of the file (the header is line 1). */
  line: number;
  /** The column concerned, or null for the whole line or file. */
  column: string | null;
  code: PeopleFileProblemCode;
  /** The value refused, when showing it helps (never longer than 40 characters). */
  value?: string;
  /** The problem in English, for the command line; pages translate `code`. */
  message: string;
}

export interface PeopleFileRecord {
  line: number;
  recordId: string;
  person: PersonForMatching;
}

/** More problems than this are not listed: the file is refused either way. */
export const maxProblemsListed = 100;

const maxIdLength = 100;
const maxNameLength = 200;
const birthDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const sexCodes = new Set(["F", "M", "UNK", ""]);
const LF = 0x0a;

class ProblemList {
  readonly problems: PeopleFileProblem[] = [];
  total = 0;

  add(problem: PeopleFileProblem): void {
    this.total += 1;
    if (this.problems.length < maxProblemsListed) this.problems.push(problem);
  }
}

/** "," unless the header line holds more ";" (spreadsheets set to Azerbaijani or Russian write ";"). */
function separatorOf(firstLine: string): "," | ";" {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const character of firstLine) {
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && character === ",") commas += 1;
    else if (!inQuotes && character === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

function isValidBirthDate(value: string): boolean {
  const found = birthDatePattern.exec(value);
  if (!found) return false;
  const year = Number(found[1]);
  if (year < 1850) return false;
  if (found[2] === undefined) return true;
  const month = Number(found[2]);
  if (month < 1 || month > 12) return false;
  if (found[3] === undefined) return true;
  const day = Number(found[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

interface Header {
  width: number;
  indexOf: Map<PeopleFileColumn, number>;
}

function isPeopleFileColumn(name: string): name is PeopleFileColumn {
  return (peopleFileColumns as readonly string[]).includes(name);
}

function readHeader(fields: string[], problems: ProblemList): Header {
  const indexOf = new Map<PeopleFileColumn, number>();
  fields.forEach((raw, index) => {
    const name = raw.trim();
    if (!isPeopleFileColumn(name)) {
      problems.add({
        line: 1,
        column: shown(name),
        code: "unknown_column",
        value: shown(name),
        message: `Unknown column ${JSON.stringify(shown(name))}; the columns are ${peopleFileColumns.join(", ")} (lower case).`,
      });
    } else if (indexOf.has(name)) {
      problems.add({
        line: 1,
        column: name,
        code: "duplicate_column",
        message: `Column ${name} appears twice.`,
      });
    } else indexOf.set(name, index);
  });
  if (!indexOf.has("record_id")) {
    problems.add({
      line: 1,
      column: "record_id",
      code: "missing_column",
      message: "Required column record_id is missing.",
    });
  }
  if (!indexOf.has("full_name") && !indexOf.has("family_name") && !indexOf.has("given_names")) {
    problems.add({
      line: 1,
      column: "full_name",
      code: "missing_column",
      message: "The file needs full_name, or given_names and family_name.",
    });
  }
  return { width: fields.length, indexOf };
}

/** The full name's last word is taken as the family name; the matcher also compares names crosswise. */
function splitFullName(fullName: string): { givenName: string; surname: string } {
  const words = fullName.split(/\s+/).filter(Boolean);
  if (words.length < 2) return { givenName: "", surname: words[0] ?? "" };
  return { givenName: words.slice(0, -1).join(" "), surname: words.at(-1) ?? "" };
}

type CellReader = (column: PeopleFileColumn) => string;

function checkCells(line: number, cell: CellReader, problems: ProblemList, seenIds: Set<string>): boolean {
  const before = problems.total;
  const refuse = (column: PeopleFileColumn, code: PeopleFileProblemCode, message: string, value?: string) =>
    problems.add({ line, column, code, message, ...(value === undefined ? {} : { value: shown(value) }) });
  const recordId = cell("record_id");
  if (recordId === "") refuse("record_id", "missing_value", "record_id is empty: every record needs one.");
  else if (recordId.length > maxIdLength)
    refuse("record_id", "too_long", `record_id is longer than ${maxIdLength} characters.`, recordId);
  else if (seenIds.has(recordId))
    refuse(
      "record_id",
      "duplicate_id",
      `record_id ${JSON.stringify(shown(recordId))} appears twice.`,
      recordId,
    );
  seenIds.add(recordId);
  for (const column of ["given_names", "family_name", "full_name"] as const) {
    if (cell(column).length > maxNameLength)
      refuse(column, "too_long", `${column} is longer than ${maxNameLength} characters.`, cell(column));
  }
  if (cell("full_name") === "" && cell("given_names") === "" && cell("family_name") === "")
    refuse("full_name", "missing_value", "No name: fill in full_name, or given_names and family_name.");
  const sex = cell("sex");
  if (!sexCodes.has(sex)) refuse("sex", "invalid_sex", "sex must be F, M, UNK or empty.", sex);
  const birthDate = cell("birth_date");
  if (birthDate !== "" && !isValidBirthDate(birthDate))
    refuse(
      "birth_date",
      "invalid_date",
      "birth_date must be YYYY, YYYY-MM or YYYY-MM-DD (a real date).",
      birthDate,
    );
  const citizenship = cell("citizenship");
  if (citizenship !== "" && !isCountryCode(citizenship))
    refuse(
      "citizenship",
      "invalid_citizenship",
      "citizenship must be an ISO 3166-1 alpha-2 code in capitals (AZ, RU, GE), or empty.",
      citizenship,
    );
  return problems.total === before;
}

function recordOf(line: number, cell: CellReader): PeopleFileRecord {
  const split = splitFullName(cell("full_name"));
  const givenName = cell("given_names") || split.givenName;
  const surname = cell("family_name") || split.surname;
  const sex = cell("sex");
  const person: PersonForMatching = {
    givenName,
    surname,
    dateOfBirth: cell("birth_date"),
    sex: sex === "UNK" ? "" : sex,
    citizenship: cell("citizenship"),
    documentNumber: cell("document_number"),
  };
  return { line, recordId: cell("record_id"), person };
}

/** The lines a record's bytes take: its line feeds, the one that ends it counted once. */
function linesOf(bytes: Buffer): number {
  let breaks = 0;
  for (const byte of bytes) if (byte === LF) breaks += 1;
  return bytes.at(-1) === LF ? breaks : breaks + 1;
}

/**
 * The bytes fed to the parser, kept until every record they hold has been counted, so that each
 * record gets the line it starts on (csv-parse's own count takes a CR inside quotes for a line).
 */
class LineCounter {
  private chunks: Buffer[] = [];
  private base = 0;
  private counted = 0;
  line = 1;

  feed(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  /** Advances past the record that ends at byte `end`; returns the line it started on. */
  advanceTo(end: number): number {
    const start = this.line;
    const joined = Buffer.concat(this.chunks);
    this.line += linesOf(joined.subarray(this.counted - this.base, end - this.base));
    this.counted = end;
    const keepFrom = this.counted - this.base;
    this.chunks = [joined.subarray(keepFrom)];
    this.base = end;
    return start;
  }
}

export interface PeopleFileReading {
  records: PeopleFileRecord[];
  problems: PeopleFileProblem[];
  /** All problems found, when more than `maxProblemsListed` were. */
  problemCount: number;
}

export interface ReadPeopleFileOptions {
  /** Called as the bytes are read (for a progress bar). */
  onBytes?: (bytesRead: number) => void;
}

/** Bytes checked as UTF-8 while they pass, a leading byte-order mark dropped. */
async function* checkedUtf8(
  source: AsyncIterable<Uint8Array>,
  problems: ProblemList,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const refuse = () =>
    problems.add({
      line: 1,
      column: null,
      code: "not_utf8",
      message: "The file is not UTF-8 text (save it as CSV UTF-8).",
    });
  let read = 0;
  for await (const piece of source) {
    let chunk = Buffer.from(piece);
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      refuse();
      return;
    }
    read += chunk.byteLength;
    onBytes?.(read);
    if (read === chunk.byteLength && chunk.subarray(0, 3).equals(byteOrderMark)) chunk = chunk.subarray(3);
    yield chunk;
  }
  try {
    // A multi-byte character cut off by the end of the file.
    decoder.decode();
  } catch {
    refuse();
  }
}

const byteOrderMark = Buffer.from([0xef, 0xbb, 0xbf]);

function recordReader(problems: ProblemList, records: PeopleFileRecord[]) {
  const seenIds = new Set<string>();
  let header: Header | undefined;
  let headerRefused = false;
  return {
    get hasHeader() {
      return header !== undefined;
    },
    read(line: number, fields: string[]): void {
      if (fields.length === 1 && fields[0] === "") return;
      if (!header) {
        const before = problems.total;
        header = readHeader(fields, problems);
        headerRefused = problems.total > before;
        return;
      }
      // Under a wrong header every row would be wrong too: the header's problems are enough.
      if (headerRefused) return;
      if (fields.length !== header.width) {
        problems.add({
          line,
          column: null,
          code: "field_count",
          message: `The line has ${fields.length} fields but the header has ${header.width}.`,
        });
        return;
      }
      const indexOf = header.indexOf;
      const cell: CellReader = (column) => {
        const index = indexOf.get(column);
        return index === undefined ? "" : (fields[index] ?? "");
      };
      if (checkCells(line, cell, problems, seenIds)) records.push(recordOf(line, cell));
    },
  };
}

/** The pieces up to the end of the header line (or of the file), to choose the separator. */
async function headerPieces(chunks: AsyncGenerator<Buffer>): Promise<Buffer[]> {
  const head: Buffer[] = [];
  for (;;) {
    const next = await chunks.next();
    if (next.done) return head;
    head.push(next.value);
    if (next.value.includes(LF) || next.value.includes(0x0d)) return head;
  }
}

/** Reads and checks the records; `problems` is empty when the file can be linked. */
export async function readPeopleFile(
  source: AsyncIterable<Uint8Array>,
  options: ReadPeopleFileOptions = {},
): Promise<PeopleFileReading> {
  const problems = new ProblemList();
  const records: PeopleFileRecord[] = [];
  const reader = recordReader(problems, records);
  const counter = new LineCounter();
  const chunks = checkedUtf8(source, problems, options.onBytes);
  const head = await headerPieces(chunks);
  if (head.length > 0) {
    const separator = separatorOf(
      Buffer.concat(head)
        .toString("utf8")
        .split(/\r?\n|\r/)[0] ?? "",
    );
    async function* counted(): AsyncGenerator<Buffer> {
      for (const chunk of [...head]) {
        counter.feed(chunk);
        yield chunk;
      }
      for await (const chunk of chunks) {
        counter.feed(chunk);
        yield chunk;
      }
    }
    const parser = parse({
      delimiter: separator,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      trim: true,
      // Each record is taken as it is parsed, so that those before a malformed one are checked too.
      on_record: (record: string[], context: { bytes: number }) => {
        reader.read(counter.advanceTo(context.bytes), record);
        return null;
      },
    });
    try {
      await pipeline(Readable.from(counted()), parser);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      problems.add({
        line: counter.line,
        column: null,
        code: "invalid_csv",
        message: `Malformed CSV from this line on (${error.code}): check its quotes.`,
      });
    }
  }
  if (!reader.hasHeader && problems.total === 0)
    problems.add({
      line: 1,
      column: null,
      code: "missing_header",
      message: "The first line must name the columns.",
    });
  else if (records.length === 0 && problems.total === 0)
    problems.add({ line: 2, column: null, code: "no_records", message: "The file holds no records." });
  return { records, problems: problems.problems, problemCount: problems.total };
}
