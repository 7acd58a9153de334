import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";
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
}

const columns = sql`record_id, source, kind, person_key, citizenship, sex, birth_date::text as birth_date,
  case_type, date::text as date, end_date::text as end_date, outcome, instance, reason, region, withdrawn,
  unaccompanied, lodged_on::text as lodged_on, deadline::text as deadline, order_record_id`;

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
    }));
    await db.execute(sql`insert into stat_records (${recordColumns}) select ${recordColumns}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${recordColumnTypes})`);
  }
}

/**
 * Every record of the persons that have records in this batch, in person order, each marked
 * whether it belongs to the batch, through a cursor of the caller's transaction: an import's change
 * to the cubes is computed one person at a time, whatever the size of the batch.
 */
export async function openRecordsOfBatchPersons(tx: Queryable, batchId: string): Promise<void> {
  await tx.execute(sql`declare stat_batch_persons no scroll cursor for
    select ${columns}, batch_id is not distinct from ${batchId}::uuid as in_batch from stat_records
    where person_key in (select person_key from stat_records where batch_id = ${batchId}::uuid)
    order by person_key`);
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
