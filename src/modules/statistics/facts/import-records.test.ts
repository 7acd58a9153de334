import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { computeExactTable } from "../tables/compute-official-table.js";
import { tableDefinition } from "../tables/table-definitions.js";
import { importFiles } from "./import-records.js";

let database: TestDatabase;
const at = new Date("2026-02-01T10:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

const persons = [
  "person_id,citizenship,stateless,sex,birth_date",
  "p1,SY,no,F,1990-05-01",
  "p2,GR,no,M,2010-02-01",
  "p3,,yes,M,",
].join("\n");

const applications = [
  "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region",
  "a1,p1,asylum,2025-01-10,2025-03-02,no,no,AZ-BA",
  "a2,p2,asylum,2025-01-20,,no,yes,AZ-GA",
  "a3,p3,asylum,2025-02-03,2025-02-20,yes,no,",
  "a4,p1,asylum,2025-04-10,,no,no,AZ-BA",
].join("\n");

const decisions = [
  "decision_id,application_id,instance,decided_on,outcome",
  "d1,a1,first,2025-03-02,SUB_PROT",
].join("\n");

function definition(code: string) {
  const found = tableDefinition(code);
  if (!found) throw new Error(`no table ${code}`);
  return found;
}

async function count(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from stat_records`);
  return row?.n ?? 0;
}

describe("karvan import", () => {
  it("imports nothing when one row of one file is wrong, and says where", async () => {
    const bad = applications.replace("2025-02-03,2025-02-20", "2025-02-31,2025-02-20");
    const result = await importFiles(
      database.db,
      [
        { name: "persons.csv", content: persons },
        { name: "applications.csv", content: bad },
        { name: "decisions.csv", content: decisions },
      ],
      { importedBy: "test", at },
    );
    expect(result.imported).toBe(false);
    if (result.imported) return;
    expect(result.errors[0]).toMatchObject({ file: "applications.csv", line: 4, field: "lodged_on" });
    expect(await count()).toBe(0);
  });

  it("stores nothing when a line of a later file is wrong, though earlier files were already written", async () => {
    const result = await importFiles(
      database.db,
      [
        { name: "persons.csv", content: persons },
        { name: "applications.csv", content: applications },
        { name: "decisions.csv", content: decisions.replace("2025-03-02,SUB_PROT", "2025-03-02,GRANTED") },
      ],
      { importedBy: "test", at },
    );
    expect(result.imported).toBe(false);
    if (result.imported) return;
    expect(result.errors.map(({ file, line, field, code }) => ({ file, line, field, code }))).toEqual([
      { file: "decisions.csv", line: 2, field: "outcome", code: "outcome_mismatch" },
    ]);
    expect(await count()).toBe(0);
    const [batches] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from stat_import_batches`,
    );
    expect(batches?.n).toBe(0);
  });

  it("imports every record, and they reach the official tables like case work does", async () => {
    const result = await importFiles(
      database.db,
      [
        { name: "persons.csv", content: persons },
        { name: "applications.csv", content: applications },
        { name: "decisions.csv", content: decisions },
      ],
      { importedBy: "test", at },
    );
    expect(result.imported).toBe(true);
    if (result.imported) expect([result.report.persons, result.report.records]).toEqual([3, 5]);
    expect(await count()).toBe(5);
    const january = await computeExactTable(database.db, definition("asylum-applicants"), "2025-01");
    const value = (key: Record<string, string>) =>
      january.observations.find((observation) =>
        Object.entries(key).every(([dimension, code]) => observation.key[dimension] === code),
      )?.value;
    // p1 (SY, F, 34) and p2 (EL, M, 14) applied for the first time in January.
    expect(value({ citizen: "TOTAL", sex: "T", age: "TOTAL", asyl_app: "ASY_APP" })).toBe(2);
    expect(value({ citizen: "EL", sex: "M", age: "Y14-17", asyl_app: "NASY_APP" })).toBe(1);
    expect(value({ citizen: "TOTAL", sex: "T", age: "Y_LT18", asyl_app: "ASY_APP" })).toBe(1);
    // In April p1 applies again: an applicant, but not a first-time one.
    const april = await computeExactTable(database.db, definition("asylum-applicants"), "2025-04");
    const total = (code: string) =>
      april.observations.find(
        (o) =>
          o.key.citizen === "TOTAL" && o.key.sex === "T" && o.key.age === "TOTAL" && o.key.asyl_app === code,
      )?.value ?? 0;
    expect([total("ASY_APP"), total("NASY_APP")]).toEqual([1, 0]);
    // Pending at the end of February: p1 and p2 (p3 withdrew on 20 February).
    const pending = await computeExactTable(database.db, definition("asylum-pending"), "2025-02");
    expect(
      pending.observations.find(
        (o) => o.key.citizen === "TOTAL" && o.key.sex === "T" && o.key.age === "TOTAL",
      )?.value,
    ).toBe(2);
    const decided = await computeExactTable(
      database.db,
      definition("asylum-first-instance-decisions"),
      "2025-Q1",
    );
    expect(
      decided.observations.find(
        (o) =>
          o.key.citizen === "SY" &&
          o.key.sex === "T" &&
          o.key.age === "TOTAL" &&
          o.key.decision === "TOTAL_POS",
      )?.value,
    ).toBe(1);
  });

  it("refuses to import the same records twice, and leaves the first import as it was", async () => {
    await expect(
      importFiles(
        database.db,
        [
          { name: "persons.csv", content: persons },
          { name: "applications.csv", content: applications },
        ],
        { importedBy: "test", at },
      ),
    ).rejects.toThrow(/imported before/);
    expect(await count()).toBe(5);
  });
});
