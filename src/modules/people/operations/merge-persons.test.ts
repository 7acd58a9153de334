import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { findCandidates } from "./find-candidates.js";
import { mergePersons } from "./merge-persons.js";
import { personRecord } from "./person-record.js";
import { registerOccurrence } from "./register-occurrence.js";
import { relatePersons } from "./relate-persons.js";
import { undoMerge } from "./undo-merge.js";

// Thresholds that never link: every occurrence below becomes a person of its own.
const apart = { thresholds: { link: 1000, review: 999 }, at: new Date("2026-03-01T10:00:00Z") };
const at = new Date("2026-03-02T10:00:00Z");
const caseId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const batchId = "00000000-0000-4000-9000-000000000001";
const placementId = "00000000-0000-4000-b000-000000000001";
const officer = { type: "user" as const, id: "00000000-0000-4000-a000-000000000001" };

let database: TestDatabase;
let survivor: string;
let duplicate: string;
let child: string;
let spouse: string;

const registerTables = [
  "people_persons",
  "people_names",
  "people_documents",
  "people_relations",
  "people_case_links",
  "people_import_links",
  "people_record_links",
  "people_keys",
] as const;

/** Every row of the register's tables, in a stable order. */
async function registerRows(): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of registerTables) {
    rows[table] = await queryRows(database.db, sql`select * from ${sql.identifier(table)} order by id`);
  }
  return rows;
}

async function newPerson(n: number, occurrence: Parameters<typeof registerOccurrence>[1]): Promise<string> {
  const registration = await registerOccurrence(
    database.db,
    occurrence,
    { kind: "case", caseId: caseId(n), role: "applicant" },
    apart,
  );
  return registration.personId as string;
}

beforeAll(async () => {
  database = await createTestDatabase();
  survivor = await newPerson(1, { fullName: "Leyla Həsənova", birthDate: "1985", citizenship: "AZ" });
  duplicate = await newPerson(2, {
    fullName: "Лейла Гасанова",
    birthDate: "1985-07-12",
    sex: "F",
    citizenship: "RU",
    document: { number: "75 1234567", type: "passport", issuingState: "RU", expiry: "2030-01-31" },
  });
  child = await newPerson(3, { fullName: "Murad Həsənov", birthDate: "2010-02-03" });
  spouse = await newPerson(4, { fullName: "Rauf Həsənov", birthDate: "1983-01-01" });
  await registerOccurrence(
    database.db,
    { fullName: "Leyla Gasanova" },
    { kind: "import", batchId, importPersonId: "L-7" },
    apart,
  );
  const [imported] = await queryRows<{ person_id: string }>(
    database.db,
    sql`select person_id from people_import_links where import_person_id = 'L-7'`,
  );
  await mergePersons(database.db, duplicate, imported?.person_id as string, officer, "same passport", at);
  // A detention placement of the duplicate, linked by the matcher on the passport: it moves with the
  // merge tested below and must come back, with how it was made, on the undo.
  const placement = await registerOccurrence(
    database.db,
    { fullName: "Leyla Gasanova", document: { number: "75 1234567" } },
    { kind: "record", register: "detention", recordId: placementId },
    { thresholds: { link: 10, review: 5 }, at },
  );
  expect(placement).toMatchObject({ band: "linked", personId: duplicate });
  await relatePersons(database.db, duplicate, child, "child", at);
  await relatePersons(database.db, spouse, duplicate, "spouse", at);
  await relatePersons(database.db, survivor, duplicate, "family-member", at);
});

afterAll(async () => {
  await database?.destroy();
});

describe("merging two records of one person", () => {
  let mergeId: string;
  let before: Record<string, unknown[]>;

  it("moves every name, document, relation, link and key to the survivor and keeps the merged person", async () => {
    before = await registerRows();
    ({ mergeId } = await mergePersons(
      database.db,
      survivor,
      duplicate,
      officer,
      "same person, two spellings",
      at,
    ));
    const owned = await queryRows<{ table: string; n: number }>(
      database.db,
      sql`select 'names' as table, count(*)::int as n from people_names where person_id = ${duplicate}
        union all select 'documents', count(*)::int from people_documents where person_id = ${duplicate}
        union all select 'relations', count(*)::int from people_relations
          where person_id = ${duplicate} or related_person_id = ${duplicate}
        union all select 'case links', count(*)::int from people_case_links where person_id = ${duplicate}
        union all select 'import links', count(*)::int from people_import_links where person_id = ${duplicate}
        union all select 'record links', count(*)::int from people_record_links where person_id = ${duplicate}
        union all select 'keys', count(*)::int from people_keys where person_id = ${duplicate}`,
    );
    expect(owned.every((row) => row.n === 0)).toBe(true);
    const record = await personRecord(database.db, duplicate, { actor: officer });
    expect(record.requestedId).toBe(duplicate);
    expect(record.person).toMatchObject({
      id: survivor,
      sex: "F",
      birthDate: "1985-07-12",
      citizenships: ["AZ", "RU"],
    });
    expect(record.names.map((name) => name.fullName).sort()).toEqual([
      "Leyla Gasanova",
      "Leyla Həsənova",
      "Лейла Гасанова",
    ]);
    expect(record.documents).toMatchObject([
      { number: "751234567", issuingState: "RU", expiry: "2030-01-31" },
    ]);
    expect(record.caseLinks.map((link) => [link.caseId, link.how]).sort()).toEqual([
      [caseId(1), "new"],
      [caseId(2), "merge"],
    ]);
    expect(record.importLinks.map((link) => link.how)).toEqual(["merge"]);
    expect(record.recordLinks).toMatchObject([
      { register: "detention", recordId: placementId, how: "merge" },
    ]);
    const relations = record.relations.map((relation) => [
      relation.kind,
      relation.personId,
      relation.relatedPersonId,
    ]);
    expect(relations.sort()).toEqual([
      ["child", survivor, child],
      ["family-member", survivor, survivor],
      ["spouse", spouse, survivor],
    ]);
    expect(record.mergedFrom).toEqual([duplicate]);
    expect(record.merges.map((merge) => [merge.survivorId, merge.by])).toEqual([
      [survivor, `user:${officer.id}`],
    ]);
    const [candidate] = await findCandidates(database.db, {
      fullName: "Лейла Гасанова",
      birthDate: "1985-07-12",
    });
    expect(candidate?.personId).toBe(survivor);
  });

  it("audits the merge and every read of a person's record", async () => {
    const audit = await queryRows<{ action: string; entity_id: string; actor_id: string }>(
      database.db,
      sql`select action, entity_id, actor_id from audit_records where action like 'people.%' order by id`,
    );
    expect(audit.slice(-2)).toEqual([
      { action: "people.merged", entity_id: mergeId, actor_id: officer.id },
      { action: "people.person.viewed", entity_id: survivor, actor_id: officer.id },
    ]);
  });

  it("refuses a person into itself, an already merged person, an unknown one, and no reason", async () => {
    await expect(mergePersons(database.db, survivor, survivor, officer, "x", at)).rejects.toMatchObject({
      code: "merge_same_person",
      status: 422,
    });
    await expect(mergePersons(database.db, child, duplicate, officer, "x", at)).rejects.toMatchObject({
      code: "person_already_merged",
      status: 409,
    });
    await expect(mergePersons(database.db, duplicate, child, officer, "x", at)).rejects.toMatchObject({
      code: "person_already_merged",
      status: 409,
    });
    await expect(mergePersons(database.db, child, caseId(99), officer, "x", at)).rejects.toMatchObject({
      code: "person_not_found",
      status: 404,
    });
    await expect(mergePersons(database.db, child, spouse, officer, "  ", at)).rejects.toMatchObject({
      code: "merge_reason_required",
      status: 422,
    });
  });

  it("refuses to undo a merge whose survivor has been merged since, until that merge is undone", async () => {
    const later = await mergePersons(database.db, spouse, survivor, officer, "test of order", at);
    await expect(undoMerge(database.db, mergeId, officer, at)).rejects.toMatchObject({
      code: "merge_survivor_merged",
      status: 409,
    });
    await undoMerge(database.db, later.mergeId, officer, at);
  });

  it("undoes the merge, restoring every row of the register exactly", async () => {
    await undoMerge(database.db, mergeId, officer, at);
    expect(await registerRows()).toEqual(before);
    await expect(undoMerge(database.db, mergeId, officer, at)).rejects.toMatchObject({
      code: "merge_undone",
      status: 409,
    });
    const record = await personRecord(database.db, duplicate, { actor: officer });
    expect(record.person.id).toBe(duplicate);
    expect(record.merges.find((merge) => merge.id === mergeId)?.undoneBy).toBe(`user:${officer.id}`);
  });
});
