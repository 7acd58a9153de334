import { type SQL, sql } from "drizzle-orm";
import { getTableConfig, PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { anyOf, driverConnection, type Queryable, queryRows } from "../../../platform/db/index.js";
import { statRecords } from "../schema.js";
import type { StatisticalRecord } from "./statistical-record.js";

interface RecordRow {
  record_id: string;
  source: "case" | "import";
  kind: StatisticalRecord["kind"];
  person_key: string;
  citizenship: string;
  sex: "F" | "M" | "UNK";
  birth_date: string | null;
  case_type: string;
  date: string;
  end_date: string | null;
  outcome: StatisticalRecord["outcome"];
  instance: StatisticalRecord["instance"];
  reason: StatisticalRecord["reason"];
  region: string | null;
  withdrawn: boolean;
  unaccompanied: boolean;
  lodged_on: string | null;
  deadline: string | null;
  order_record_id: string | null;
  withdrawal: StatisticalRecord["withdrawal"];
  return_type: StatisticalRecord["returnType"];
  assisted: boolean | null;
  destination: StatisticalRecord["destination"];
  issue: StatisticalRecord["issue"];
  assistance_offered: boolean | null;
}

const columns = sql`record_id, source, kind, person_key, citizenship, sex, birth_date::text as birth_date,
  case_type, date::text as date, end_date::text as end_date, outcome, instance, reason, region, withdrawn,
  unaccompanied, lodged_on::text as lodged_on, deadline::text as deadline, order_record_id,
  withdrawal, return_type, assisted, destination, issue, assistance_offered`;

function recordOf(row: RecordRow): StatisticalRecord {
  return {
    recordId: row.record_id,
    source: row.source,
    kind: row.kind,
    person: {
      personKey: row.person_key,
      citizenship: row.citizenship,
      sex: row.sex,
      birthDate: row.birth_date,
    },
    caseType: row.case_type,
    date: row.date,
    endDate: row.end_date,
    outcome: row.outcome,
    instance: row.instance,
    reason: row.reason,
    region: row.region,
    withdrawn: row.withdrawn,
    unaccompanied: row.unaccompanied,
    lodgedOn: row.lodged_on,
    deadline: row.deadline,
    orderRecordId: row.order_record_id,
    withdrawal: row.withdrawal,
    returnType: row.return_type,
    assisted: row.assisted,
    destination: row.destination,
    issue: row.issue,
    assistanceOffered: row.assistance_offered,
  };
}

/** Every record of these persons, grouped by person. */
export async function loadRecordsOfPersons(
  db: Queryable,
  personKeys: string[],
): Promise<Map<string, StatisticalRecord[]>> {
  const byPerson = new Map<string, StatisticalRecord[]>(personKeys.map((key) => [key, []]));
  if (personKeys.length === 0) return byPerson;
  const rows = await queryRows<RecordRow>(
    db,
    sql`select ${columns} from stat_records where person_key = ${anyOf(personKeys)}`,
  );
  for (const row of rows) byPerson.get(row.person_key)?.push(recordOf(row));
  return byPerson;
}

/**
 * Every record in person order, through a cursor of the rebuild's transaction: one sorted pass
 * over the table. Pages of persons looked up by key had the planner's estimate of records per
 * person to go on, and when a fresh analyze put it high, it hashed the whole table for every page
 * (a rebuild's last phase went from 18 s to a minute).
 */
export async function openRecordsInPersonOrder(tx: Queryable): Promise<void> {
  await tx.execute(sql`declare stat_records_by_person no scroll cursor for
    select ${columns} from stat_records order by person_key`);
}

/** The next `count` records of the cursor opened above; fewer at its end. */
export async function fetchRecordsInPersonOrder(tx: Queryable, count: number): Promise<StatisticalRecord[]> {
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError(`not a row count: ${count}`);
  // FETCH takes no parameters; the count is a checked integer.
  const rows = await queryRows<RecordRow>(tx, sql.raw(`fetch forward ${count} from stat_records_by_person`));
  return rows.map(recordOf);
}

/** Persons with records of these cases. */
export async function personsOfCases(db: Queryable, caseIds: string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await queryRows<{ person_key: string }>(
    db,
    sql`select distinct person_key from stat_records where case_id = ${anyOf(caseIds, "uuid")}`,
  );
  return rows.map((row) => row.person_key);
}

export async function deleteRecordsOfCases(db: Queryable, caseIds: string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await db.execute(sql`delete from stat_records where case_id = ${anyOf(caseIds, "uuid")}`);
}

/** Every column of `stat_records` in the table's order, from its Drizzle definition. */
const recordColumnsConfig = getTableConfig(statRecords).columns;
const recordColumns = sql.raw(recordColumnsConfig.map((column) => column.name).join(", "));
/** The same columns with their types, to read them out of the JSON rows. */
const recordColumnTypes = sql.raw(
  recordColumnsConfig.map((column) => `${column.name} ${column.getSQLType()}`).join(", "),
);

/** Inserts records in one statement per thousand (rows travel as one JSON parameter). */
export async function insertRecords(
  db: Queryable,
  records: Array<StatisticalRecord & { caseId?: string | null; batchId?: string | null }>,
): Promise<void> {
  for (let index = 0; index < records.length; index += 1000) {
    const rows = records.slice(index, index + 1000).map((record) => ({
      record_id: record.recordId,
      source: record.source,
      case_id: record.caseId ?? null,
      batch_id: record.batchId ?? null,
      kind: record.kind,
      person_key: record.person.personKey,
      citizenship: record.person.citizenship,
      sex: record.person.sex,
      birth_date: record.person.birthDate,
      case_type: record.caseType,
      date: record.date,
      end_date: record.endDate,
      outcome: record.outcome,
      instance: record.instance,
      reason: record.reason,
      region: record.region,
      withdrawn: record.withdrawn,
      unaccompanied: record.unaccompanied,
      lodged_on: record.lodgedOn ?? null,
      deadline: record.deadline ?? null,
      order_record_id: record.orderRecordId ?? null,
      withdrawal: record.withdrawal ?? null,
      return_type: record.returnType ?? null,
      assisted: record.assisted ?? null,
      destination: record.destination ?? null,
      issue: record.issue ?? null,
      assistance_offered: record.assistanceOffered ?? null,
    }));
    await db.execute(sql`insert into stat_records (${recordColumns}) select ${recordColumns}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${recordColumnTypes})`);
  }
}

/** The statement selecting every record of the batch's persons, in person order, marked in batch or not. */
const recordsOfBatchPersons = (batch: SQL) => sql`select ${columns},
    batch_id is not distinct from ${batch} as in_batch from stat_records
  where person_key in (select person_key from stat_records where batch_id = ${batch})
  order by person_key`;

/**
 * Every record of the persons that have records in this batch, in person order, each marked
 * whether it belongs to the batch, through a cursor of the caller's transaction: an import's change
 * to the cubes is computed one person at a time, whatever the size of the batch.
 */
export async function openRecordsOfBatchPersons(tx: Queryable, batchId: string): Promise<void> {
  await tx.execute(
    sql`declare stat_batch_persons no scroll cursor for ${recordsOfBatchPersons(sql`${batchId}::uuid`)}`,
  );
}

/** The next `count` records of the cursor opened above, with whether each is of the batch. */
export async function fetchRecordsOfBatchPersons(
  tx: Queryable,
  count: number,
): Promise<Array<{ record: StatisticalRecord; inBatch: boolean }>> {
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError(`not a row count: ${count}`);
  const rows = await queryRows<RecordRow & { in_batch: boolean }>(
    tx,
    sql.raw(`fetch forward ${count} from stat_batch_persons`),
  );
  return rows.map((row) => ({ record: recordOf(row), inBatch: row.in_batch }));
}

export async function closeRecordsOfBatchPersons(tx: Queryable): Promise<void> {
  await tx.execute(sql`close stat_batch_persons`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dialect = new PgDialect();
const ESCAPED = /\\(.)/g;
const UNESCAPED: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** A field of COPY's text format: `\N` is null, and a backslash escapes the next character. */
function copiedField(field: string | undefined): string | null {
  if (field === undefined || field === "\\N") return null;
  if (!field.includes("\\")) return field;
  return field.replace(ESCAPED, (_, char: string) => UNESCAPED[char] ?? char);
}

/**
 * A record (and whether it is of the batch) from a line of COPY text of `recordsOfBatchPersons`:
 * the fields of `columns`, in their order, then `in_batch`.
 */
function copiedRecord(line: string): { record: StatisticalRecord; inBatch: boolean } {
  const fields = line.split("\t").map(copiedField);
  if (fields.length !== 26) throw new Error("a copied record has the wrong columns");
  const text = (index: number) => fields[index] as string;
  return {
    record: {
      recordId: text(0),
      source: text(1) as StatisticalRecord["source"],
      kind: text(2) as StatisticalRecord["kind"],
      person: {
        personKey: text(3),
        citizenship: text(4),
        sex: text(5) as StatisticalRecord["person"]["sex"],
        birthDate: fields[6] ?? null,
      },
      caseType: text(7),
      date: text(8),
      endDate: fields[9] ?? null,
      outcome: (fields[10] ?? null) as StatisticalRecord["outcome"],
      instance: (fields[11] ?? null) as StatisticalRecord["instance"],
      reason: (fields[12] ?? null) as StatisticalRecord["reason"],
      region: fields[13] ?? null,
      withdrawn: fields[14] === "t",
      unaccompanied: fields[15] === "t",
      lodgedOn: fields[16] ?? null,
      deadline: fields[17] ?? null,
      orderRecordId: fields[18] ?? null,
      withdrawal: (fields[19] ?? null) as StatisticalRecord["withdrawal"],
      returnType: (fields[20] ?? null) as StatisticalRecord["returnType"],
      assisted: fields[21] === null || fields[21] === undefined ? null : fields[21] === "t",
      destination: (fields[22] ?? null) as StatisticalRecord["destination"],
      issue: (fields[23] ?? null) as StatisticalRecord["issue"],
      assistanceOffered: fields[24] === null || fields[24] === undefined ? null : fields[24] === "t",
    },
    inBatch: fields[25] === "t",
  };
}

/**
 * On a PostgreSQL server, the records `openRecordsOfBatchPersons` reads, as a COPY out of the
 * caller's transaction: `take` gets them a piece of the stream at a time, and the server waits
 * while it works (memory holds one piece). Cheaper than the cursor's rows for the driver; the
 * embedded database, which COPYs out to one blob, returns false and the cursor is used.
 */
export async function copyRecordsOfBatchPersons(
  tx: Queryable,
  batchId: string,
  take: (records: Array<{ record: StatisticalRecord; inBatch: boolean }>) => void,
): Promise<boolean> {
  const client = driverConnection(tx);
  if (!(client instanceof pg.Client)) return false;
  // COPY takes no parameters: the batch id goes in as a literal, once checked to be a UUID.
  if (!UUID.test(batchId)) throw new Error(`not a batch id: ${batchId}`);
  const query = dialect.sqlToQuery(recordsOfBatchPersons(sql.raw(`'${batchId}'::uuid`)));
  const stream = client.query(copyTo(`copy (${query.sql}) to stdout`));
  let rest: Buffer | null = null;
  let failure: { error: unknown } | null = null;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // After a failure the COPY is read to its end, unused: a connection left in the middle of a
    // COPY out could not even roll the transaction back.
    if (failure) continue;
    const buffer: Buffer = rest === null ? chunk : Buffer.concat([rest, chunk]);
    // A line end is never inside a UTF-8 character: the text is cut after the last whole line.
    const end = buffer.lastIndexOf(10);
    rest = buffer.subarray(end + 1);
    if (end < 0) continue;
    try {
      take(buffer.toString("utf8", 0, end).split("\n").map(copiedRecord));
    } catch (error) {
      failure = { error };
    }
  }
  if (failure) throw failure.error;
  if (rest !== null && rest.length > 0) throw new Error("a COPY of records ended within a line");
  return true;
}
/**
 * Refreshes the planner's statistics of the records alone: after a large import, before the cubes
 * are moved, whose query joins the batch to the rest of the records (planned on an empty table's
 * figures, it took half a minute for 300,000 records).
 */
export async function analyzeRecords(db: Queryable): Promise<void> {
  await db.execute(sql`analyze stat_records`);
}

/** Refreshes the planner's statistics of records and cubes after they grew fast (records-growth.ts). */
export async function analyzeRecordsAndCubes(db: Queryable): Promise<void> {
  await db.execute(sql`analyze stat_records, stat_cube`);
}

/** Refreshes the planner's statistics of the cubes alone, after a large import moved them. */
export async function analyzeCubes(db: Queryable): Promise<void> {
  await db.execute(sql`analyze stat_cube`);
}

/** Every record dated within a period (both days included, YYYY-MM-DD), in record-id order: research extracts. */
export async function loadRecordsInPeriod(
  db: Queryable,
  from: string,
  to: string,
): Promise<StatisticalRecord[]> {
  const rows = await queryRows<RecordRow>(
    db,
    sql`select ${columns} from stat_records where date between ${from}::date and ${to}::date order by record_id`,
  );
  return rows.map(recordOf);
}
