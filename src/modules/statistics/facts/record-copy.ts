import { getTableColumns } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import type { Queryable } from "../../../platform/db/index.js";
import { copyConnection, copyLinesInto, copyValue as text } from "../cubes/copy-text.js";
import { statRecords } from "../schema.js";
import type { StatisticalRecord } from "./statistical-record.js";

/**
 * Imported records loaded with COPY, the fastest way into PostgreSQL: one statement per batch whose
 * rows travel as plain text. On a server a batch's COPY runs while the next lines are read (the
 * connection's next statement waits for it); the embedded database takes the text as a blob
 * (`COPY ... FROM '/dev/blob'`). Memory holds one batch's text.
 */
export interface RecordCopy {
  /** Starts copying a batch; resolves once the previous batch is stored. */
  write(records: readonly StatisticalRecord[]): Promise<void>;
  /** As `write`, for records already made into COPY text (`recordCopyText`), in a worker thread. */
  writeText(text: string): Promise<void>;
  /** Waits until every batch is stored; throws the first batch's failure. */
  end(): Promise<void>;
}

type CopiedColumn = Exclude<keyof typeof statRecords.$inferInsert, "caseId">;

/**
 * Each copied column's COPY text for an imported record of a batch; every column of `stat_records`
 * but the case an imported record never has, so a column added to the table needs its value here.
 */
const copiedValues: Record<CopiedColumn, (record: StatisticalRecord, batchId: string) => string> = {
  recordId: (record) => text(record.recordId),
  source: () => "import",
  batchId: (_, batchId) => batchId,
  kind: (record) => record.kind,
  personKey: (record) => text(record.person.personKey),
  citizenship: (record) => text(record.person.citizenship),
  sex: (record) => record.person.sex,
  birthDate: (record) => text(record.person.birthDate),
  caseType: (record) => text(record.caseType),
  date: (record) => record.date,
  endDate: (record) => text(record.endDate),
  outcome: (record) => text(record.outcome),
  instance: (record) => text(record.instance),
  reason: (record) => text(record.reason),
  region: (record) => text(record.region),
  withdrawn: (record) => (record.withdrawn ? "t" : "f"),
  unaccompanied: (record) => (record.unaccompanied ? "t" : "f"),
  lodgedOn: (record) => text(record.lodgedOn),
  deadline: (record) => text(record.deadline),
  orderRecordId: (record) => text(record.orderRecordId),
  withdrawal: (record) => text(record.withdrawal),
  returnType: (record) => text(record.returnType),
  assisted: (record) =>
    text(record.assisted === undefined || record.assisted === null ? null : record.assisted ? "t" : "f"),
  destination: (record) => text(record.destination),
  issue: (record) => text(record.issue),
  assistanceOffered: (record) =>
    text(
      record.assistanceOffered === undefined || record.assistanceOffered === null
        ? null
        : record.assistanceOffered
          ? "t"
          : "f",
    ),
};

/** The copied columns in the table's order, their names from its Drizzle definition. */
const copied = Object.entries(getTableColumns(statRecords)).flatMap(([key, column]) =>
  key in copiedValues ? [{ name: column.name, value: copiedValues[key as CopiedColumn] }] : [],
);
const TARGET = `${getTableConfig(statRecords).name} (${copied.map((column) => column.name).join(", ")})`;
const values = copied.map((column) => column.value);

/**
 * The COPY text of a batch's records. Each line is its values joined at once, and the lines too:
 * adding value after value made two strings per column, garbage for hundreds of thousands of lines.
 */
export function recordCopyText(records: readonly StatisticalRecord[], batchId: string): string {
  if (records.length === 0) return "";
  const lines: string[] = new Array(records.length);
  const line: string[] = new Array(values.length);
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as StatisticalRecord;
    for (let column = 0; column < values.length; column++) {
      line[column] = (values[column] as (typeof values)[number])(record, batchId);
    }
    lines[index] = line.join("\t");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The record id a COPY refused because it is already stored (an earlier import), or null when the
 * error is another one.
 */
export function alreadyStoredRecordId(error: unknown): string | null {
  const failure = error as { code?: string; constraint?: string; detail?: string } | null;
  if (failure?.code !== "23505" || failure.constraint !== "stat_records_pkey") return null;
  return /^Key \(record_id\)=\((.*)\) already exists\.$/s.exec(failure.detail ?? "")?.[1] ?? null;
}

/** Copies a batch's records inside `tx`, which must be a transaction. */
export function openRecordCopy(tx: Queryable, batchId: string): RecordCopy {
  const connection = copyConnection(tx);
  let previous: Promise<unknown> = Promise.resolve();
  const copy: RecordCopy = {
    write: (records) => copy.writeText(recordCopyText(records, batchId)),
    async writeText(text) {
      await previous;
      if (text.length === 0) return;
      previous = copyLinesInto(connection, TARGET, text);
      // Awaited by the next write or by end(); until then its failure is not unhandled.
      previous.catch(() => {});
    },
    async end() {
      await previous;
    },
  };
  return copy;
}
