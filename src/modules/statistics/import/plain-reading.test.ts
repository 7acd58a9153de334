import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvFormatError, type CsvRecord, parseCsvRecords } from "../eurostat/csv-records.js";
import type { StatisticalRecord } from "../facts/statistical-record.js";
import { ImportReferences } from "./check-import-references.js";
import { type ImportError, ImportErrorList, MAX_IMPORT_ERRORS } from "./import-error.js";
import { applicationsFile, decisionsFile, type ImportFileSpec, personsFile } from "./import-file-specs.js";
import type { ImportRows, ReadRow } from "./import-rows.js";
import { CsvTable, readHeader } from "./read-csv-table.js";
import { readApplicationRow, readDecisionRow, readPersonRow } from "./read-import-rows.js";
import { isRealDate, RowReader } from "./row-reader.js";
import { streamImportFiles } from "./stream-import-files.js";
import { toStatisticalRecords } from "./to-statistical-records.js";

/**
 * The import reads its files a piece at a time into one array of fields per file and one reader
 * per file, which the next line reuses. Here the same files are read plainly: each text whole by
 * `parseCsvRecords`, a fresh array of trimmed cells and a fresh reader per line, all the records
 * converted at once. Both must give the same records, errors (codes, lines, order, the cap) and
 * counts.
 */

const today = "2026-03-01";
const files3 = [personsFile, applicationsFile, decisionsFile] as const;

interface Plain {
  counts: Record<string, number>;
  errors: ImportError[];
  records: StatisticalRecord[];
  /** Each file's lines after their own checks. */
  lines: Map<string, ReadRow<unknown>[]>;
}

const readRow = (spec: ImportFileSpec, reader: RowReader) =>
  spec === personsFile
    ? readPersonRow(reader)
    : spec === applicationsFile
      ? readApplicationRow(reader)
      : readDecisionRow(reader);

/** A file's lines as the import reads them: pieces of text, one table and one reader that every line reuses. */
function reusedLines(spec: ImportFileSpec, content: string, pieceLength: number): ReadRow<unknown>[] {
  const table = new CsvTable(spec, new ImportErrorList());
  const reader = new RowReader(spec.name, new ImportErrorList(), today);
  const lines: ReadRow<unknown>[] = [];
  for (let at = 0; at < content.length && !table.stopped; at += pieceLength) {
    table.add(content.slice(at, at + pieceLength));
    while (table.next()) lines.push(readRow(spec, reader.read(table.line, table.fields, table.columns)));
  }
  table.end();
  while (table.next()) lines.push(readRow(spec, reader.read(table.line, table.fields, table.columns)));
  return lines;
}

/** The records a text holds before its first malformed line (the generated files keep it on a line of its own). */
function plainRecords(text: string): { records: CsvRecord[]; error: CsvFormatError | null } {
  try {
    return { records: parseCsvRecords(text), error: null };
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    const before = text.split("\n").slice(0, error.line - 1);
    return { records: before.length === 0 ? [] : parseCsvRecords(`${before.join("\n")}\n`), error };
  }
}

function plainImport(files: { name: string; content: string }[], batchSize: number): Plain {
  const errors = new ImportErrorList();
  const references = new ImportReferences(new Set(files.map((file) => file.name)), errors);
  const rows: ImportRows = {
    present: new Set(files.map((file) => file.name)),
    persons: [],
    applications: [],
    decisions: [],
    permits: [],
    personEvents: new Map(),
  };
  const counts: Record<string, number> = {};
  const read = new Map<string, ReadRow<unknown>[]>();
  for (const spec of files3) {
    const file = files.find((one) => one.name === spec.name);
    if (!file) continue;
    const lines = readPlainFile(spec, file.content, batchSize, errors, references);
    counts[spec.name] = lines.length;
    read.set(spec.name, lines);
    if (spec === personsFile) rows.persons = lines as ImportRows["persons"];
    else if (spec === applicationsFile) rows.applications = lines as ImportRows["applications"];
    else rows.decisions = lines as ImportRows["decisions"];
  }
  if (!errors.isEmpty) {
    return { counts, errors: errors.sorted(files3.map((spec) => spec.name)), records: [], lines: read };
  }
  return { counts, errors: [], records: toStatisticalRecords(rows), lines: read };
}

/** One file's lines, each batch's own checks before its checks across lines, as the import orders them. */
function readPlainFile(
  spec: ImportFileSpec,
  content: string,
  batchSize: number,
  errors: ImportErrorList,
  references: ImportReferences,
): ReadRow<unknown>[] {
  const { records, error } = plainRecords(content);
  const read: ReadRow<unknown>[] = [];
  let batch: ReadRow<unknown>[] = [];
  const checkBatch = () => {
    for (const line of batch) {
      if (spec === personsFile) references.checkPerson(line as never);
      else if (spec === applicationsFile) references.checkApplication(line as never);
      else references.checkDecision(line as never);
    }
    batch = [];
  };
  const blank = (fields: string[]) => fields.length === 1 && fields[0]?.trim() === "";
  const missingHeader = {
    file: spec.name,
    line: 1,
    field: null,
    code: "missing_header",
    message: "The first line must name the columns.",
  };
  let header: ReturnType<typeof readHeader> | null = null;
  for (const record of records) {
    if (header === null) {
      if (blank(record.fields)) {
        errors.add(missingHeader);
        return read;
      }
      header = readHeader(record.fields, record.line, spec, errors);
      continue;
    }
    if (blank(record.fields)) continue;
    if (record.fields.length !== header.width) {
      errors.add({
        file: spec.name,
        line: record.line,
        field: null,
        code: "field_count",
        message: `The line has ${record.fields.length} fields but the header has ${header.width}.`,
      });
      continue;
    }
    const cells = record.fields.map((cell) => cell.trim());
    const reader = new RowReader(spec.name, errors, today).read(record.line, cells, header.columns);
    const line = readRow(spec, reader);
    read.push(line);
    batch.push(line);
    if (batch.length >= batchSize) checkBatch();
  }
  if (error) {
    errors.add({
      file: spec.name,
      line: error.line,
      field: null,
      code: "invalid_csv",
      message: `Malformed CSV: ${error.message.replace(/^line \d+: /, "")}.`,
    });
  } else if (header === null) errors.add(missingHeader);
  checkBatch();
  return read;
}

/** Cells as an export may write them: right, wrong, empty, padded, in the wrong case. */
const cellsOf = {
  person_id: ["p1", "p2", "p3", " p2 ", "", "p,4", 'p"5', "p\n6", "x".repeat(101)],
  citizenship: ["SY", "", "sy", "UNK", "STATELESS", "EL", "ZZZ"],
  stateless: ["no", "yes", "", "Yes", "maybe"],
  sex: ["F", "M", "UNK", "", "f", "X"],
  birth_date: [
    "1990-05-01",
    "",
    "2001-02-29",
    "2000-02-29",
    "1899-12-31",
    "2030-01-01",
    "1990-5-1",
    " 1985-12-31",
  ],
  application_id: ["a1", "a2", "a3", "", "a 4"],
  case_type: ["asylum", "work-permit", "Asylum", "work permit", ""],
  lodged_on: ["2020-01-10", "2021-06-30", "2019-13-01", "1949-12-31", ""],
  closed_on: ["", "2022-01-01", "2019-01-01", "2020-02-30"],
  withdrawn: ["no", "yes", "", "YES"],
  unaccompanied_minor: ["no", "", "yes"],
  region: ["AZ-BA", "", "az-ba", "AZ"],
  decision_id: ["d1", "d2", ""],
  instance: ["first", "final", "First", ""],
  decided_on: ["2021-01-01", "2023-05-05", "2020-01-01", "2021-02-31"],
  outcome: ["GENCONV", "REJECTED", "GRANTED", "granted", ""],
} as const;

type Column = keyof typeof cellsOf;

/** Cells of an import without a mistake: ids by line, every reference to the first line. */
const cleanCellsOf: Record<Column, (line: number) => readonly string[]> = {
  person_id: (line) => [`p${line}`],
  citizenship: () => ["SY", ""],
  stateless: () => ["no"],
  sex: () => ["F", "M", "UNK", ""],
  birth_date: () => ["1990-05-01", "", "2000-02-29"],
  application_id: (line) => [`a${line}`],
  case_type: () => ["asylum"],
  lodged_on: () => ["2020-01-10", "2021-06-30"],
  closed_on: () => ["", "2022-01-01"],
  withdrawn: () => ["no", ""],
  unaccompanied_minor: () => ["no", ""],
  region: () => ["AZ-BA", ""],
  decision_id: (line) => [`d${line}`],
  instance: () => ["first", "final"],
  decided_on: () => ["2023-05-05"],
  outcome: () => ["GENCONV", "REJECTED"],
};
const columnsOf: Record<string, readonly Column[]> = {
  [personsFile.name]: ["person_id", "citizenship", "stateless", "sex", "birth_date"],
  [applicationsFile.name]: [
    "application_id",
    "person_id",
    "case_type",
    "lodged_on",
    "closed_on",
    "withdrawn",
    "unaccompanied_minor",
    "region",
  ],
  [decisionsFile.name]: ["decision_id", "application_id", "instance", "decided_on", "outcome"],
};

const quoted = (cell: string, always: boolean) =>
  always || /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;

/** Lines that cannot be read as CSV, each on a line of its own. */
const malformed = ['ab"c,d', '"ab"c,d', "a\rb,c"];

const fileArbitrary = (spec: ImportFileSpec) => {
  const columns = columnsOf[spec.name] as readonly Column[];
  const line = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(...columns.map((c) => fc.nat(cellsOf[c].length - 1)), fc.boolean()) },
    { weight: 1, arbitrary: fc.constantFrom("blank", "short", "long", "malformed") },
  );
  return fc.record({
    clean: fc.boolean(),
    header: fc.shuffledSubarray([...columns, "note"], { minLength: 1 }),
    doubled: fc.boolean(),
    lines: fc.array(line, { maxLength: 12 }),
    repeat: fc.oneof(
      { weight: 4, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.integer({ min: 80, max: 160 }) },
    ),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    malformedAt: fc.nat(2),
  });
};

type FileShape = typeof fileArbitrary extends (spec: ImportFileSpec) => fc.Arbitrary<infer T> ? T : never;

function contentOf(spec: ImportFileSpec, shape: FileShape): string {
  const columns = columnsOf[spec.name] as readonly Column[];
  const header = shape.clean
    ? [...columns]
    : shape.doubled
      ? [...shape.header, shape.header[0] as string]
      : shape.header;
  const end = shape.crlf ? "\r\n" : "\n";
  const lines = [header.join(",")];
  if (shape.clean) {
    shape.lines.forEach((line, at) => {
      if (typeof line === "string") return;
      const cells = columns.map((name, index) => {
        const choices = cleanCellsOf[name](spec === personsFile || index === 0 ? at : 0);
        return choices[(line[index] as number) % choices.length] as string;
      });
      lines.push(cells.map((cell) => quoted(cell, line[line.length - 1] as boolean)).join(","));
    });
  }
  for (let copy = 0; copy < (shape.clean ? 0 : shape.repeat); copy++) {
    for (const line of shape.lines) {
      if (line === "blank") lines.push("");
      else if (line === "short") lines.push("x");
      else if (line === "long") lines.push(Array.from({ length: header.length + 1 }, () => "y").join(","));
      else if (line === "malformed") lines.push(malformed[shape.malformedAt] as string);
      else {
        const always = line[line.length - 1] as boolean;
        const cellOf = (name: string) => {
          const index = columns.indexOf(name as Column);
          if (index < 0) return "note";
          return cellsOf[name as Column][line[index] as number] as string;
        };
        lines.push(header.map((name) => quoted(cellOf(name), always)).join(","));
      }
    }
  }
  return `${shape.bom ? "\ufeff" : ""}${lines.join(end)}${shape.finalNewline ? end : ""}`;
}

const importArbitrary = fc.record({
  persons: fileArbitrary(personsFile),
  applications: fc.option(fileArbitrary(applicationsFile), { nil: null }),
  decisions: fc.option(fileArbitrary(decisionsFile), { nil: null }),
});

const byRecordId = (records: StatisticalRecord[]) =>
  [...records].sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));

/** Reads the files as the import does and plainly, expects the same answers, and gives the plain ones. */
async function expectPlainAnswers(
  files: { name: string; content: string }[],
  batchSize: number,
  pieceLength: number,
): Promise<Plain> {
  const plain = plainImport(files, batchSize);
  const records: StatisticalRecord[] = [];
  const streamed = await streamImportFiles(files, {
    today,
    batchSize,
    onRecords: async (batch) => {
      records.push(...batch);
    },
  });
  expect(streamed.errors).toEqual(plain.errors);
  expect(streamed.counts).toEqual(plain.counts);
  expect(byRecordId(streamed.errors.length > 0 ? [] : records)).toEqual(byRecordId(plain.records));
  for (const file of files) {
    const spec = files3.find((one) => one.name === file.name) as ImportFileSpec;
    expect(reusedLines(spec, file.content, pieceLength)).toEqual(plain.lines.get(file.name));
  }
  return plain;
}

describe("reading an import's lines", () => {
  it("gives the records, errors and counts of a plain reading of the whole text, line by line", async () => {
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(
        importArbitrary,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 5, max: 400 }),
        async (shapes, batchSize, pieceLength) => {
          const files: { name: string; content: string }[] = [
            { name: personsFile.name, content: contentOf(personsFile, shapes.persons) },
          ];
          if (shapes.applications)
            files.push({
              name: applicationsFile.name,
              content: contentOf(applicationsFile, shapes.applications),
            });
          if (shapes.decisions)
            files.push({ name: decisionsFile.name, content: contentOf(decisionsFile, shapes.decisions) });
          const plain = await expectPlainAnswers(files, batchSize, pieceLength);
          if (plain.errors.length === 0) valid += 1;
        },
      ),
      { numRuns: 40 },
    );
    // The runs must reach imports without a mistake and imports with some; past the cap is rarer,
    // and is proved below as well.
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(40);
  });

  it("keeps the thousand errors of the plain reading past the cap", async () => {
    const lines = [" person_id , sex ,birth_date,note"];
    for (let i = 0; i < 700; i++) lines.push(i % 5 === 0 ? `p${i % 50},X,2001-02-30,` : `"p${i % 90}",f,,x`);
    const files = [{ name: personsFile.name, content: `\ufeff${lines.join("\r\n")}` }];
    for (const [batchSize, pieceLength] of [
      [1, 7],
      [7, 100],
    ] as const) {
      const plain = await expectPlainAnswers(files, batchSize, pieceLength);
      expect(plain.errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
    }
  });

  it("tells real dates as a pattern and the calendar do", () => {
    const plainIsRealDate = (value: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const [year, month, day] = [value.slice(0, 4), value.slice(5, 7), value.slice(8)].map(Number) as [
        number,
        number,
        number,
      ];
      const date = new Date(0);
      date.setUTCFullYear(year, month - 1, day);
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    };
    const digit = fc.constantFrom(..."0123456789");
    const dateLike = fc
      .tuple(
        fc.array(digit, { minLength: 4, maxLength: 4 }),
        fc.array(digit, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 2, maxLength: 2 }),
      )
      .map(([y, m, d]) => `${y.join("")}-${m.join("")}-${d.join("")}`);
    fc.assert(
      fc.property(
        fc.oneof(
          dateLike,
          fc.string({ maxLength: 11 }),
          fc.constantFrom(
            "2000-02-29",
            "1900-02-29",
            "2024-12-31",
            "2023-04-31",
            "0000-01-01",
            "1990-01-01\n",
          ),
        ),
        (value) => {
          expect(isRealDate(value)).toBe(plainIsRealDate(value));
        },
      ),
      { numRuns: 500 },
    );
  });
});
