import type { RecordKind, StatisticalRecord } from "../facts/statistical-record.js";
import { ImportReferences } from "./check-import-references.js";
import { type ImportError, ImportErrorList, PendingImportErrors } from "./import-error.js";
import {
  applicationsFile,
  decisionsFile,
  type ImportFileSpec,
  importFileSpecs,
  ordersToLeaveFile,
  type PersonEventFileSpec,
  permitsFile,
  personEventFiles,
  personsFile,
  returnsFile,
} from "./import-file-specs.js";
import type {
  ApplicationRow,
  DecisionRow,
  ImportRows,
  PersonEventRow,
  PersonRow,
  ReadRow,
} from "./import-rows.js";
import { type ImportFile, importFileText, sizeOfImportFile } from "./import-source.js";
import { CsvTable } from "./read-csv-table.js";
import {
  readApplicationRow,
  readDecisionRow,
  readPermitRow,
  readPersonEventRow,
  readPersonRow,
} from "./read-import-rows.js";
import { type LineKey, memoryReferenceStore, type ReferenceStore } from "./reference-store.js";
import { isRealDate, RowReader } from "./row-reader.js";
import { toStatisticalRecords } from "./to-statistical-records.js";

export interface StreamedImport {
  /** Data lines read, by file name (`persons.csv`: 120), for every file in the import. */
  counts: Record<string, number>;
  /** Lines of persons.csv. */
  persons: number;
  /** Records handed to `onRecords`. */
  records: number;
  /** Empty when every line of every file is right; then, and only then, every record was handed on. */
  errors: ImportError[];
}

export interface StreamImportOptions {
  /** YYYY-MM-DD, default the current UTC date: the latest date an event may have. */
  today?: string;
  /**
   * Takes the records of checked lines, a batch at a time, as long as no error has been found; once
   * one is, no more are handed on (the caller throws away what it got: an import is all or nothing).
   */
  onRecords?: (records: StatisticalRecord[]) => Promise<void>;
  /** Bytes read so far of all the files to read. */
  onProgress?: (done: number, total: number) => void;
  /** Lines checked together, and handed on as one batch of records. */
  batchSize?: number;
  /** Where the ids and facts that later lines refer to are kept; default in memory. */
  references?: ReferenceStore;
  /**
   * Read the next batch's lines while a batch is checked (default). False reads and checks one batch
   * after the other: the plain path the tests compare reading ahead with.
   */
  readAhead?: boolean;
}

const eventSpecs = new Map<string, PersonEventFileSpec>(personEventFiles.map((spec) => [spec.name, spec]));

/**
 * Checks a previous system's export (docs/import-format.md) and turns it into statistical records,
 * reading each file line by line: memory holds a batch of lines, never a whole file, and the ids
 * other lines refer to are kept in `options.references`. Every line of every file is checked, so
 * that one run reports everything to fix.
 */
export async function streamImportFiles(
  files: readonly ImportFile[],
  options: StreamImportOptions = {},
): Promise<StreamedImport> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isRealDate(today))
    throw new Error(`today must be a date written YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const batchSize = options.batchSize ?? 10_000;
  const errors = new ImportErrorList();
  const known = checkFileSet(files, errors);
  const store = options.references ?? memoryReferenceStore();
  const references = new ImportReferences(new Set(known.keys()), errors, store);

  const total = (await Promise.all([...known.values()].map(sizeOfImportFile))).reduce((a, b) => a + b, 0);
  let done = 0;
  const progress = (bytes: number) => {
    done += bytes;
    options.onProgress?.(done, total);
  };

  const counts: Record<string, number> = {};
  let records = 0;
  /** The checks across lines of one batch of `spec`, once its own checks are in `errors`. */
  const checkBatch = async (spec: ImportFileSpec, batch: ReadRow<unknown>[]) => {
    await store.load(references.keysOf(spec, batch));
    for (const line of batch) checkLine(spec, line, references);
    // Persons are facts of the other files' records, not records of their own.
    if (errors.isEmpty && options.onRecords && spec !== personsFile) {
      if (spec === decisionsFile) await store.load(personsOfApplications(batch, references));
      const converted = recordsOfLines(spec, batch, references);
      await options.onRecords(converted);
      records += converted.length;
    }
    await store.save();
  };
  // The lines of the next batch are read, with their own checks, while a batch waits for the ids it
  // refers to; their errors wait in `ahead` until the batch's checks are done.
  const ahead = new PendingImportErrors();
  for (const spec of importFileSpecs) {
    const file = known.get(spec.name);
    if (!file) continue;
    let count = 0;
    let batch: ReadRow<unknown>[] = [];
    let checking: Promise<void> = Promise.resolve();
    const nextBatch = async () => {
      await checking;
      ahead.moveTo(errors);
      if (batch.length === 0) return;
      checking = checkBatch(spec, batch);
      // Awaited before the next batch or at the file's end; until then its failure is not unhandled.
      checking.catch(() => {});
      batch = [];
      if (options.readAhead === false) await checking;
    };
    const table = new CsvTable(spec, ahead);
    const reader = new RowReader(spec.name, ahead, today);
    /** Reads and checks the rows of the text the table has, a batch at a time. */
    const readRows = async () => {
      while (table.next()) {
        batch.push(readLine(spec, reader.read(table.line, table.fields, table.columns)));
        count += 1;
        if (batch.length >= batchSize) await nextBatch();
      }
    };
    for await (const piece of importFileText(file, progress)) {
      table.add(piece);
      await readRows();
      if (table.stopped) break;
    }
    table.end();
    await readRows();
    await nextBatch();
    await checking;
    counts[spec.name] = count;
  }
  return {
    counts,
    persons: counts[personsFile.name] ?? 0,
    records: errors.isEmpty ? records : 0,
    // Unknown files (rank -1) come first: they usually explain the rest.
    errors: errors.isEmpty ? [] : errors.sorted(importFileSpecs.map((spec) => spec.name)),
  };
}

/** The files to read by name; unknown and doubled files are reported. */
function checkFileSet(files: readonly ImportFile[], errors: ImportErrorList): Map<string, ImportFile> {
  const known = new Set(importFileSpecs.map((spec) => spec.name));
  const byName = new Map<string, ImportFile>();
  for (const file of files) {
    if (!known.has(file.name)) {
      errors.add({
        file: file.name,
        line: null,
        field: null,
        code: "unknown_file",
        message: `Unknown file; an import holds only ${[...known].join(", ")} (names are case-sensitive).`,
      });
    } else if (byName.has(file.name)) {
      errors.add({
        file: file.name,
        line: null,
        field: null,
        code: "duplicate_file",
        message: "The file is given twice.",
      });
    } else {
      byName.set(file.name, file);
    }
  }
  return byName;
}

/** The line's own checks: its cells, one by one and together. */
function readLine(spec: ImportFileSpec, reader: RowReader): ReadRow<unknown> {
  switch (spec.name) {
    case personsFile.name:
      return readPersonRow(reader);
    case applicationsFile.name:
      return readApplicationRow(reader);
    case decisionsFile.name:
      return readDecisionRow(reader);
    case permitsFile.name:
      return readPermitRow(reader);
    default: {
      const eventSpec = eventSpecs.get(spec.name);
      if (!eventSpec) throw new Error(`import: no reader for ${spec.name}`);
      return readPersonEventRow(reader, eventSpec);
    }
  }
}

/** The checks across lines and files, once the lines the line refers to are loaded. */
function checkLine(spec: ImportFileSpec, line: ReadRow<unknown>, references: ImportReferences): void {
  if (spec === personsFile) references.checkPerson(line as ReadRow<PersonRow>);
  else if (spec === applicationsFile) references.checkApplication(line as ReadRow<ApplicationRow>);
  else if (spec === decisionsFile) references.checkDecision(line as ReadRow<DecisionRow>);
  else if (spec === permitsFile) references.checkPermit(line);
  else {
    const eventSpec = eventSpecs.get(spec.name);
    if (!eventSpec) throw new Error(`import: no checks for ${spec.name}`);
    references.checkPersonEvent(eventSpec, line as ReadRow<PersonEventRow>);
  }
}

/** The persons of the applications decided by these lines: their records carry the person's facts. */
function personsOfApplications(lines: readonly ReadRow<unknown>[], references: ImportReferences): LineKey[] {
  const keys: LineKey[] = [];
  for (const line of lines as readonly ReadRow<DecisionRow>[]) {
    const personId = references.application(line.value?.applicationId ?? "")?.personId;
    if (personId !== undefined) keys.push({ file: personsFile.name, id: personId });
  }
  return keys;
}

function checked<T>(id: string, value: T | undefined): ReadRow<T> {
  if (value === undefined) throw new Error(`import: ${id} was not checked`);
  return { line: 0, id, refs: {}, value };
}

/**
 * The records of a batch of checked lines of one file: `toStatisticalRecords` is given the batch
 * with the persons, applications and orders it refers to, and only the batch's own kind is kept.
 */
function recordsOfLines(
  spec: ImportFileSpec,
  lines: readonly ReadRow<unknown>[],
  references: ImportReferences,
): StatisticalRecord[] {
  const rows: ImportRows = {
    present: new Set([spec.name]),
    persons: [],
    applications: [],
    decisions: [],
    permits: [],
    personEvents: new Map(),
  };
  const personIds = new Set<string>();
  let kind: RecordKind;
  if (spec === applicationsFile) {
    kind = "application";
    rows.applications = lines as ReadRow<ApplicationRow>[];
    for (const line of rows.applications) personIds.add(line.value?.personId ?? "");
  } else if (spec === decisionsFile) {
    kind = "decision";
    rows.decisions = lines as ImportRows["decisions"];
    const applicationIds = new Set(rows.decisions.map((line) => line.value?.applicationId ?? ""));
    rows.applications = [...applicationIds].map((id) => checked(id, references.application(id)));
    for (const line of rows.applications) personIds.add(line.value?.personId ?? "");
    rows.present.add(applicationsFile.name);
  } else if (spec === permitsFile) {
    kind = "permit";
    rows.permits = lines as ImportRows["permits"];
    for (const line of rows.permits) personIds.add(line.value?.personId ?? "");
  } else {
    const eventSpec = eventSpecs.get(spec.name);
    if (!eventSpec) throw new Error(`import: no records for ${spec.name}`);
    kind = eventSpec.kind;
    const events = lines as ReadRow<PersonEventRow>[];
    rows.personEvents.set(spec.name, events);
    for (const line of events) personIds.add(line.value?.personId ?? "");
    if (spec === returnsFile) {
      const orderIds = new Set(events.flatMap((line) => (line.value?.orderId ? [line.value.orderId] : [])));
      rows.personEvents.set(
        ordersToLeaveFile.name,
        [...orderIds].map((id) => checked(id, references.order(id))),
      );
      rows.present.add(ordersToLeaveFile.name);
    }
  }
  rows.persons = [...personIds].map((id) => checked(id, references.person(id)));
  rows.present.add(personsFile.name);
  // An application line gives its appeal's record too.
  return toStatisticalRecords(rows).filter(
    (record) => record.kind === kind || (kind === "application" && record.kind === "appeal"),
  );
}
