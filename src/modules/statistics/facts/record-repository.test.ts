import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { importFiles } from "./import-records.js";
import {
  closeRecordsOfBatchPersons,
  copyRecordsOfBatchPersons,
  fetchRecordsOfBatchPersons,
  openRecordsOfBatchPersons,
} from "./record-repository.js";
import type { StatisticalRecord } from "./statistical-record.js";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

type Read = { record: StatisticalRecord; inBatch: boolean };

/** Ids with what COPY's text format escapes, and a person with records of two imports. */
async function twoImports(): Promise<string> {
  const persons = [
    "person_id,citizenship,stateless,sex,birth_date",
    "p\\1,SY,no,F,1990-01-01",
    '"p,2",,yes,,',
    "pé\\N,AF,no,M,2010-05-05",
  ].join("\n");
  const applications = (tag: string) =>
    [
      "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,region",
      `${tag}a\\t1,p\\1,asylum,2020-01-01,2020-06-01,no,AZ-BA`,
      `${tag}a2,"p,2",temporary-residence-permit,2021-02-01,,no,`,
      `${tag}a3,pé\\N,asylum,2022-03-01,,no,AZ-GA`,
    ].join("\n");
  const at = new Date("2026-03-01T10:00:00Z");
  const first = await importFiles(
    database.db,
    [
      { name: "persons.csv", content: persons },
      { name: "applications.csv", content: applications("A") },
    ],
    { importedBy: "test", at },
  );
  expect(first.imported).toBe(true);
  const second = await importFiles(
    database.db,
    [
      { name: "persons.csv", content: persons },
      { name: "applications.csv", content: applications("B") },
    ],
    { importedBy: "test", at },
  );
  if (!second.imported) throw new Error("the second import was refused");
  return second.report.batchId;
}

const byRecordId = (a: Read, b: Read) => (a.record.recordId < b.record.recordId ? -1 : 1);

describe("copyRecordsOfBatchPersons", () => {
  it("reads on a server what the cursor reads, and the embedded database keeps the cursor", async () => {
    const batchId = await twoImports();
    await database.db.transaction(async (tx) => {
      await openRecordsOfBatchPersons(tx, batchId);
      const byCursor = await fetchRecordsOfBatchPersons(tx, 1_000);
      await closeRecordsOfBatchPersons(tx);
      expect(byCursor.length).toBe(6);
      expect(byCursor.filter((read) => read.inBatch).length).toBe(3);
      const byCopy: Read[] = [];
      const copied = await copyRecordsOfBatchPersons(tx, batchId, (rows) => byCopy.push(...rows));
      expect(copied).toBe(database.kind === "postgres");
      if (copied) {
        // Person order first, as the cursor gives them.
        expect(byCopy.map((read) => read.record.person.personKey)).toEqual(
          byCursor.map((read) => read.record.person.personKey),
        );
        expect(byCopy.sort(byRecordId)).toEqual(byCursor.sort(byRecordId));
      }
    });
  });

  it("passes on the failure of what takes the records, and the connection serves on", async () => {
    const [batch] = await queryRows<{ id: string }>(
      database.db,
      sql`select id::text from stat_import_batches order by imported_at limit 1`,
    );
    const failing = database.db.transaction((tx) =>
      copyRecordsOfBatchPersons(tx, batch?.id ?? "", () => {
        throw new Error("cannot take them");
      }),
    );
    if (database.kind === "postgres") await expect(failing).rejects.toThrow("cannot take them");
    else await expect(failing).resolves.toBe(false);
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from stat_records`,
    );
    expect(count?.n).toBe(6);
  });
});
