import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import type { RegisterLinkChange } from "../entry/register-changes.js";
import { registerOccurrence } from "../operations/register-occurrence.js";
import { type ImportedPerson, linkImportedPersons } from "./link-imported-persons.js";

let database: TestDatabase;
let followed: RegisterLinkChange[] = [];
const follow = async (_tx: unknown, changes: RegisterLinkChange[]) => {
  followed.push(...changes);
};
const thresholds = { link: 15, review: 5 };

const person = (importPersonId: string, more: Partial<ImportedPerson> = {}): ImportedPerson => ({
  importPersonId,
  citizenship: "RU",
  sex: "F",
  birthDate: "1985-07-21",
  documentNumber: null,
  ...more,
});

async function linkOf(batchId: string, importPersonId: string) {
  const [row] = await queryRows<{ person_id: string; how: string }>(
    database.db,
    sql`select person_id, how from people_import_links where batch_id = ${batchId}::uuid and import_person_id = ${importPersonId}`,
  );
  return row;
}

let olga: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const registered = await registerOccurrence(
    database.db,
    {
      fullName: "Olga Petrova",
      birthDate: "1985-07-21",
      citizenship: "RU",
      document: { number: "751234567" },
    },
    { kind: "case", caseId: randomUUID(), role: "applicant" },
    { thresholds },
  );
  olga = registered.personId as string;
});

afterAll(async () => {
  await database.destroy();
});

describe("persons of an import linked to the register", () => {
  const first = randomUUID();
  const second = randomUUID();

  it("links by document number, and creates the others (one per document number shared in the batch)", async () => {
    followed = [];
    const summary = await linkImportedPersons(database.db, follow, first, [
      person("P-1", { documentNumber: "751 234 567" }),
      person("P-2", { documentNumber: "751234567", citizenship: "GE" }),
      person("P-3", { documentNumber: "751234567", citizenship: "GE" }),
      person("P-4"),
      person("P-5"),
    ]);
    expect(summary).toEqual({ persons: 5, byEarlierBatch: 0, byDocument: 1, created: 3 });
    expect(await linkOf(first, "P-1")).toEqual({ person_id: olga, how: "auto" });
    // Another citizenship contradicts the register's Olga: the same number is another state's passport.
    const georgian = await linkOf(first, "P-2");
    expect(georgian?.person_id).not.toBe(olga);
    expect((await linkOf(first, "P-3"))?.person_id).toBe(georgian?.person_id);
    // Without a document nothing tells two persons born the same day apart: each is a person.
    expect((await linkOf(first, "P-4"))?.person_id).not.toBe((await linkOf(first, "P-5"))?.person_id);
    expect(followed).toContainEqual({
      kind: "imported",
      batchId: first,
      importPersonIds: ["P-1"],
      personId: olga,
    });
    expect(followed).toContainEqual({
      kind: "imported",
      batchId: first,
      importPersonIds: ["P-2", "P-3"],
      personId: georgian?.person_id,
    });
  });

  it("links a previous-system id known from an earlier batch to the same person, and links a batch once", async () => {
    followed = [];
    const summary = await linkImportedPersons(database.db, follow, second, [person("P-4"), person("P-9")]);
    expect(summary).toMatchObject({ persons: 2, byEarlierBatch: 1, created: 1 });
    expect((await linkOf(second, "P-4"))?.person_id).toBe((await linkOf(first, "P-4"))?.person_id);
    expect(await linkImportedPersons(database.db, follow, second, [person("P-4"), person("P-9")])).toEqual({
      persons: 0,
      byEarlierBatch: 0,
      byDocument: 0,
      created: 0,
    });
  });

  it("gives new persons only their document's blocking key: no name, no candidate of every applicant born that day", async () => {
    const keys = await queryRows<{ key: string }>(
      database.db,
      sql`select k.key from people_keys k join people_import_links l on l.person_id = k.person_id
        where l.batch_id = ${first}::uuid and l.import_person_id in ('P-2', 'P-4') order by k.key`,
    );
    expect(keys.map((row) => row.key)).toEqual(["d:751234567"]);
  });
});
