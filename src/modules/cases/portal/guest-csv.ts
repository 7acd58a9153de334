import type { CaseTypeDefinition, ScalarFieldDefinition } from "../definition/case-type.js";
import { checkAnswers, requiredDocuments } from "../definition/validate-answers.js";
import { requestHash } from "../engine/idempotency.js";
import { maxCasesPerRequest } from "../operations/create-submitted-cases.js";
import { CsvFormatError, parseCsv } from "./csv.js";

/**
 * Guests to register, read from a CSV file a host exported from a spreadsheet or hotel system.
 * The columns are the questions of the case type's form, by their field names (an address is
 * four columns: `address.street`, `address.city`, `address.region` (a code of the region list),
 * `address.postcode`); the JSON API reads its batches with the same rules (`readGuestRecords`).
 */

export interface GuestCsvColumn {
  name: string;
  field: ScalarFieldDefinition;
  /** Must be in the header (a question every guest answers). */
  required: boolean;
}

export interface GuestRow {
  line: number;
  /** The answers, checked and cleaned by the case engine's rules. */
  answers: Record<string, unknown>;
}

export interface GuestRowProblem {
  line: number;
  /** The column (field name) the problem is in; null for the whole line or file. */
  column: string | null;
  messageKey: string;
  values?: Record<string, string | number>;
}

/** As many guests as one batch of the JSON API: one file is one transaction, which must stay short. */
export const maxGuestRows = maxCasesPerRequest;

/** The columns a case type's CSV file may have, in the order of its form. */
export function guestCsvColumns(definition: CaseTypeDefinition): GuestCsvColumn[] {
  const columns: GuestCsvColumn[] = [];
  for (const page of definition.form) {
    for (const field of page.fields) {
      if (field.kind === "group") continue;
      const always = !page.showWhen && !field.showWhen && field.required;
      if (field.kind === "address") {
        for (const part of ["street", "city", "region", "postcode"]) {
          columns.push({
            name: `${field.name}.${part}`,
            field,
            required: always && (part === "street" || part === "city"),
          });
        }
      } else {
        columns.push({ name: field.name, field, required: always });
      }
    }
  }
  return columns;
}

const dayMonthYear = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

/** A date as spreadsheets write it: 2026-05-17, or 17.05.2026 as in Azerbaijan and Russia. */
function csvDate(value: string): string {
  const match = dayMonthYear.exec(value);
  if (!match) return value;
  return `${match[3]}-${match[2]?.padStart(2, "0")}-${match[1]?.padStart(2, "0")}`;
}

/** One line's cells as raw answers (dates normalised, address parts put together). */
function rawAnswers(columns: GuestCsvColumn[], cells: Map<string, string>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const column of columns) {
    const value = cells.get(column.name);
    if (value === undefined) continue;
    if (column.field.kind === "address") {
      const [name, part] = column.name.split(".") as [string, string];
      const address = (answers[name] ?? {}) as Record<string, string>;
      address[part] = value;
      answers[name] = address;
    } else if (column.field.kind === "date") {
      answers[column.name] = csvDate(value);
    } else {
      answers[column.name] = value;
    }
  }
  for (const [name, value] of Object.entries(answers)) {
    // An address with every cell empty is no answer, as on the form.
    if (typeof value === "object" && value !== null && Object.values(value).every((part) => part === "")) {
      answers[name] = "";
    }
  }
  return answers;
}

/** The column a problem of the engine (an answer path) is reported in; an address's region has its own. */
function columnOf(path: string, messageKey: string): string {
  const name = path.split(".")[0] ?? path;
  return messageKey === "cases.answers.region" ? `${name}.region` : name;
}

/**
 * Reads and checks every line. A file with any problem registers nobody: the caller shows the
 * problems by line and column, and the host corrects the file and sends it again.
 */
export function readGuestCsv(
  definition: CaseTypeDefinition,
  text: string,
  today: string,
): { rows: GuestRow[]; problems: GuestRowProblem[] } {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) {
      return { rows: [], problems: [{ line: error.line, column: null, messageKey: error.messageKey }] };
    }
    throw error;
  }
  const [header, ...lines] = records;
  if (!header || lines.length === 0) {
    return { rows: [], problems: [{ line: 1, column: null, messageKey: "portal.csv.errors.noGuests" }] };
  }
  return readGuestRecords(
    definition,
    header.fields,
    lines.map((record) => ({ line: record.line, cells: record.fields })),
    today,
  );
}

/** Checks guest records against the case type: header first, then every line. */
export function readGuestRecords(
  definition: CaseTypeDefinition,
  headerCells: string[],
  records: Array<{ line: number; cells: string[] }>,
  today: string,
): { rows: GuestRow[]; problems: GuestRowProblem[] } {
  const columns = guestCsvColumns(definition);
  const byName = new Map(columns.map((column) => [column.name, column]));
  const header = headerCells.map((cell) => cell.trim());
  const problems: GuestRowProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (!byName.has(name)) {
      problems.push({ line: 1, column: name || null, messageKey: "portal.csv.errors.unknownColumn" });
    } else if (seen.has(name)) {
      problems.push({ line: 1, column: name, messageKey: "portal.csv.errors.duplicateColumn" });
    }
    seen.add(name);
  }
  for (const column of columns) {
    if (column.required && !seen.has(column.name)) {
      problems.push({ line: 1, column: column.name, messageKey: "portal.csv.errors.missingColumn" });
    }
  }
  if (records.length > maxGuestRows) {
    problems.push({
      line: 1,
      column: null,
      messageKey: "portal.csv.errors.tooManyRows",
      values: { max: maxGuestRows },
    });
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: GuestRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    if (record.cells.length !== header.length) {
      problems.push({
        line: record.line,
        column: null,
        messageKey: "portal.csv.errors.cellCount",
        values: { expected: header.length, found: record.cells.length },
      });
      continue;
    }
    const cells = new Map(header.map((name, index) => [name, record.cells[index] ?? ""]));
    const checked = checkAnswers(definition, rawAnswers(columns, cells), today);
    for (const problem of checked.problems) {
      problems.push({
        line: record.line,
        column: columnOf(problem.field, problem.messageKey),
        messageKey: problem.messageKey,
        ...(problem.values ? { values: problem.values } : {}),
      });
    }
    if (checked.problems.length > 0) continue;
    if (requiredDocuments(definition, checked.answers).length > 0) {
      problems.push({ line: record.line, column: null, messageKey: "portal.csv.errors.documentsNeeded" });
      continue;
    }
    const fingerprint = requestHash(checked.answers);
    const earlier = firstLineOf.get(fingerprint);
    if (earlier !== undefined) {
      problems.push({
        line: record.line,
        column: null,
        messageKey: "portal.csv.errors.repeatedLine",
        values: { line: earlier },
      });
      continue;
    }
    firstLineOf.set(fingerprint, record.line);
    rows.push({ line: record.line, answers: checked.answers });
  }
  return { rows: problems.length > 0 ? [] : rows, problems };
}
