import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Queryable } from "../../../platform/db/index.js";
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
  /** Waits until every batch is stored; throws the first batch's failure. */
  end(): Promise<void>;
}

const COLUMNS = `record_id, source, batch_id, kind, person_key, citizenship, sex, birth_date, case_type, date,
  end_date, outcome, instance, reason, region, withdrawn, unaccompanied, lodged_on, deadline, order_record_id`;

const SPECIAL = /[\\\t\n\r]/;

/** A value of COPY's text format: `\N` for null, and backslash, tab and line ends escaped. */
function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r",
  );
}

/** One line of COPY text for an imported record of a batch. */
function copyLine(record: StatisticalRecord, batchId: string): string {
  const person = record.person;
  return `${text(record.recordId)}\timport\t${batchId}\t${record.kind}\t${text(person.personKey)}\t${text(person.citizenship)}\t${person.sex}\t${text(person.birthDate)}\t${text(record.caseType)}\t${record.date}\t${text(record.endDate)}\t${text(record.outcome)}\t${text(record.instance)}\t${text(record.reason)}\t${text(record.region)}\t${record.withdrawn ? "t" : "f"}\t${record.unaccompanied ? "t" : "f"}\t${text(record.lodgedOn)}\t${text(record.deadline)}\t${text(record.orderRecordId)}\n`;
}

function copyText(records: readonly StatisticalRecord[], batchId: string): string {
  let lines = "";
  for (const record of records) lines += copyLine(record, batchId);
  return lines;
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

/** The driver's connection a Drizzle transaction runs on (Drizzle keeps it as `session.client`). */
interface DriverTransaction {
  session: { client: unknown };
}

interface EmbeddedClient {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/** Copies a batch's records inside `tx`, which must be a transaction. */
export function openRecordCopy(tx: Queryable, batchId: string): RecordCopy {
  const client = (tx as unknown as DriverTransaction).session.client;
  if (client instanceof pg.Pool) throw new Error("records are copied inside a transaction");
  const copyBatch =
    client instanceof pg.Client
      ? (lines: string) => {
          const stream = client.query(copyFrom(`copy stat_records (${COLUMNS}) from stdin`));
          stream.end(lines);
          return finished(stream);
        }
      : (lines: string) =>
          (client as EmbeddedClient).query(`copy stat_records (${COLUMNS}) from '/dev/blob'`, [], {
            blob: new Blob([lines]),
          });
  let previous: Promise<unknown> = Promise.resolve();
  return {
    async write(records) {
      await previous;
      if (records.length === 0) return;
      previous = copyBatch(copyText(records, batchId));
      // Awaited by the next write or by end(); until then its failure is not unhandled.
      previous.catch(() => {});
    },
    async end() {
      await previous;
    },
  };
}
