import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { statisticsContextOf } from "../../../composition-root.js";
import { queryRows } from "../../../platform/db/index.js";
import { cubeSnapshot } from "../cubes/cube-repository.js";
import { statisticalRecord } from "../test-support/statistical-record.js";
import { rebuildStatistics } from "./rebuild-statistics.js";
import { insertRecords } from "./record-repository.js";
import { registerPersonKey, rekeyPersons } from "./rekey-persons.js";
import { replaceRecords } from "./replace-records.js";

let database: TestDatabase;
const batchId = randomUUID();
const first = registerPersonKey(randomUUID());
const second = registerPersonKey(randomUUID());

/** Asylum applicants of January 2025, counted as persons (`ASY_APP`: every applicant of the month). */
async function januaryApplicants(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select coalesce(sum(n), 0)::int as n from stat_cube
      where table_code = 'asylum_applicants' and period = '2025-01' and d1 = 'ASY_APP'`,
  );
  return row?.n ?? 0;
}

/** The cubes as they stand, and as a rebuild from the records computes them: they must be equal. */
async function expectCubesAsRebuilt(): Promise<string> {
  const kept = await cubeSnapshot(database.db);
  await rebuildStatistics(statisticsContextOf(database));
  expect(await cubeSnapshot(database.db)).toBe(kept);
  return kept;
}

async function keysOfRecords(): Promise<Record<string, string>> {
  const rows = await queryRows<{ record_id: string; person_key: string }>(
    database.db,
    sql`select record_id, person_key from stat_records order by record_id`,
  );
  return Object.fromEntries(rows.map((row) => [row.record_id, row.person_key]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const imported = (personKey: string, date: string, recordId: string) => ({
    ...statisticalRecord({ source: "import", recordId, date, person: { personKey } }),
    batchId,
  });
  await insertRecords(database.db, [
    imported("import:A", "2025-01-10", "import:applications.csv:1"),
    imported("import:A", "2024-03-02", "import:applications.csv:2"),
    imported("import:B", "2025-01-20", "import:applications.csv:3"),
    imported("import:C", "2025-01-25", "import:applications.csv:4"),
  ]);
  await rebuildStatistics(statisticsContextOf(database));
});

afterAll(async () => {
  await database.destroy();
});

describe("records move between persons as the register links them", () => {
  it("links imported persons to register persons; each alone under its new key changes no cell", async () => {
    const before = await cubeSnapshot(database.db);
    expect(await januaryApplicants()).toBe(3);
    const report = await rekeyPersons(database.db, [
      { from: { batchId, importPersonIds: ["A"] }, to: first },
      { from: { batchId, importPersonIds: ["B"] }, to: second },
    ]);
    expect(report).toEqual({ records: 3, persons: 0, cells: 0 });
    expect(await cubeSnapshot(database.db)).toBe(before);
    expect(Object.values(await keysOfRecords())).toEqual([first, first, second, "import:C"]);
    const kept = await queryRows<{ record_id: string; import_person_id: string }>(
      database.db,
      sql`select record_id, import_person_id from stat_import_record_persons order by record_id`,
    );
    expect(kept.map((row) => row.import_person_id)).toEqual(["A", "A", "B"]);
  });

  it("counts two register persons merged into one once, and as a rebuild does", async () => {
    await rekeyPersons(database.db, [{ from: { key: second }, to: first }]);
    expect(await januaryApplicants()).toBe(2);
    await expectCubesAsRebuilt();
  });

  it("parts them again by the imported person the records came from, after they changed key", async () => {
    await rekeyPersons(database.db, [{ from: { batchId, importPersonIds: ["B"] }, to: second }]);
    expect(await januaryApplicants()).toBe(3);
    const keys = await keysOfRecords();
    expect(keys["import:applications.csv:3"]).toBe(second);
    expect(keys["import:applications.csv:1"]).toBe(first);
    await expectCubesAsRebuilt();
  });

  it("moves a case's records whatever their key; a move to the key they have is no change", async () => {
    const caseId = randomUUID();
    const record = statisticalRecord({
      recordId: `case:${caseId}:application`,
      date: "2025-01-05",
      person: { personKey: "doc:abc" },
    });
    await replaceRecords(database.db, { replaceCases: [caseId], add: [{ ...record, caseId }] });
    expect(await januaryApplicants()).toBe(4);
    expect(await rekeyPersons(database.db, [{ from: { key: "doc:abc" }, to: "doc:abc" }])).toEqual({
      records: 0,
      persons: 0,
      cells: 0,
    });
    const report = await rekeyPersons(database.db, [{ from: { caseIds: [caseId] }, to: first }]);
    expect(report.records).toBe(1);
    expect((await keysOfRecords())[record.recordId]).toBe(first);
    // The case's applicant is the imported person A, who applied in January already.
    expect(await januaryApplicants()).toBe(3);
  });

  it("moves a family member's records apart from the case's main person's", async () => {
    const caseId = randomUUID();
    const record = (part: string, personKey: string) => ({
      ...statisticalRecord({
        recordId: `case:${caseId}:${part}application`,
        date: "2025-01-07",
        person: { personKey },
      }),
      caseId,
    });
    const main = record("", `case:${caseId}`);
    const member = record("family-member:1:", `case:${caseId}:family-member:1`);
    await replaceRecords(database.db, { replaceCases: [caseId], add: [main, member] });
    const applicants = await januaryApplicants();
    const third = registerPersonKey(randomUUID());
    const linked = await rekeyPersons(database.db, [
      { from: { familyMembers: [{ caseId, slot: 1 }] }, to: third },
    ]);
    expect(linked.records).toBe(1);
    expect(await rekeyPersons(database.db, [{ from: { caseIds: [caseId] }, to: third }])).toMatchObject({
      records: 1,
    });
    // Both now one person: one applicant fewer.
    expect(await januaryApplicants()).toBe(applicants - 1);
    const keys = await keysOfRecords();
    expect([keys[main.recordId], keys[member.recordId]]).toEqual([third, third]);
    expect(
      await rekeyPersons(database.db, [{ from: { familyMembers: [{ caseId, slot: 0 }] }, to: second }]),
    ).toMatchObject({ records: 0 });
    expect(await januaryApplicants()).toBe(applicants - 1);
  });
});
