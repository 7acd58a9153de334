import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { registerOccurrence } from "../modules/people/index.js";
import { dedupeDatabase } from "./people-dedupe.js";

const config = { peopleLinkScore: 15, peopleReviewScore: 5 };
const batchId = "00000000-0000-4000-9000-000000000002";
let database: TestDatabase;
let dir: string;
let stdout: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const records = [
    {
      givenNames: "Günel",
      familyName: "Kərimova",
      birthDate: "1977-09-16",
      sex: "F",
      document: { number: "AA1007922" },
    },
    { fullName: "Гюнель Керимова", birthDate: "1977-09-16", sex: "F", document: { number: "AA1007922" } },
    { fullName: "Emin Cavadov", birthDate: "1968-05-07", sex: "M" },
  ];
  for (const [index, occurrence] of records.entries()) {
    await registerOccurrence(
      database.db,
      occurrence,
      { kind: "import", batchId, importPersonId: String(index) },
      { thresholds: { link: 1000, review: 999 } },
    );
  }
});

afterAll(async () => {
  await database.destroy();
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "karvan-people-dedupe-"));
  stdout = "";
  vi.spyOn(process.stdout, "write").mockImplementation((text) => {
    stdout += String(text);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe("karvan people dedupe", () => {
  it("prints a summary, writes the report and changes nothing without --apply", async () => {
    const report = path.join(dir, "dedupe.csv");
    await dedupeDatabase(database, config, { report });
    expect(stdout).toMatch(
      /^3 persons, 1 candidate pairs: 1 links joining 1 cluster\(s\) of records of one person, 0 pairs to review in \d+\.\d s\.\n/,
    );
    expect(stdout).toContain(`Report written to ${report}.`);
    expect(stdout).toContain("Nothing changed: run again with --apply");
    const lines = readFileSync(report, "utf8").split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFcluster_id,left_person_id,right_person_id,score,band,given_names,family_name,birth_date,sex,citizenship,document_number",
    );
    expect(lines[1]).toMatch(
      /^C1,[0-9a-f-]{36},[0-9a-f-]{36},[\d.]+,link,equal,equal,exact,equal,missing,equal$/,
    );
  });

  it("merges with --apply and says how to undo", async () => {
    await dedupeDatabase(database, config, { apply: true });
    expect(stdout).toContain(
      "1 merges (each undoable from the person's merge history), 0 duplicate reviews opened.",
    );
    stdout = "";
    await dedupeDatabase(database, config, {});
    expect(stdout).toMatch(/^2 persons, 0 candidate pairs: 0 links/);
  });
});
