import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { statisticsContextOf, statisticsFollowRegister } from "../../composition-root.js";
import { ManualClock } from "../../platform/clock/index.js";
import type { Queryable } from "../../platform/db/index.js";
import { queryRows } from "../../platform/db/index.js";
import { createSubmittedCases } from "../cases/operations/create-submitted-cases.js";
import { mergePersonsFollowed, undoMergeFollowed } from "../people/index.js";
import { importFiles } from "../statistics/facts/import-records.js";
import { catchUpStatistics } from "../statistics/facts/statistics-projector.js";
import { computeExactTable } from "../statistics/tables/compute-official-table.js";
import { tableDefinition } from "../statistics/tables/table-definitions.js";
import { asylumAnswers, familyAnswers } from "./test-support/asylum-answers.js";
import { type AsylumTestBed, asylumTestBed } from "./test-support/asylum-test-bed.js";

const clock = new ManualClock("2026-01-12T07:00:00Z");
let app: TestApp;
let bed: AsylumTestBed;
let imported: TestDatabase;

const on = (date: string) => clock.set(`${date}T07:00:00Z`);

/** The same persons and facts as a previous system would export them (docs/import-format.md). */
const previousSystem = [
  {
    name: "persons.csv",
    content: [
      "person_id,citizenship,stateless,sex,birth_date",
      "P-1,SY,no,M,1988-04-12",
      "P-2,,yes,M,2010-05-01",
      "P-3,IR,no,F,1992-03-14",
      "P-4,AF,no,F,1999-07-07",
      "P-5,,no,F,2014-09-09",
      "P-6,SY,no,M,1985-06-01",
      "P-7,SY,no,F,1987-02-02",
      "P-8,,no,F,2019-08-08",
    ].join("\n"),
  },
  {
    name: "applications.csv",
    content: [
      "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region,withdrawal_type,appeal_lodged_on,appeal_closed_on",
      "A-1,P-1,asylum,2026-01-12,2026-02-10,no,no,AZ-BA,,2026-02-20,2026-04-15",
      "A-2,P-2,asylum,2026-01-20,,no,yes,,,,",
      "A-3,P-3,asylum,2026-02-03,2026-02-25,yes,no,AZ-BA,implicit,,",
      "A-4,P-4,asylum,2026-02-16,2026-03-30,no,no,AZ-GA,,,",
      "A-5,P-3,asylum,2026-03-10,,no,no,AZ-BA,,,",
      "A-6,P-5,asylum,2026-01-20,,no,yes,,,,",
      "A-7,P-6,asylum,2026-02-16,2026-03-30,no,no,AZ-BA,,,",
      "A-8,P-7,asylum,2026-02-16,2026-03-30,no,no,AZ-BA,,,",
      "A-9,P-8,asylum,2026-02-16,2026-03-30,no,no,AZ-BA,,,",
    ].join("\n"),
  },
  {
    name: "decisions.csv",
    content: [
      "decision_id,application_id,instance,decided_on,outcome",
      "D-1,A-1,first,2026-02-10,REJECTED",
      "D-2,A-1,final,2026-04-15,GENCONV",
      "D-3,A-4,first,2026-03-30,GENCONV",
      "D-4,A-7,first,2026-03-30,GENCONV",
      "D-5,A-8,first,2026-03-30,GENCONV",
      "D-6,A-9,first,2026-03-30,GENCONV",
    ].join("\n"),
  },
];

const leyla = {
  familyName: "Karimi",
  givenNames: "Leyla",
  birthDate: "1992-03-14",
  sex: "F",
  citizenship: "IR",
  documentNumber: "K88001122",
};

/** The same facts as cases: registered, decided, appealed and withdrawn through the engine. */
async function enterAsCases(): Promise<void> {
  on("2026-01-12");
  const omar = await bed.toAssessment(asylumAnswers());
  on("2026-01-20");
  const stateless = asylumAnswers({
    familyName: "Nuri",
    givenNames: "Amir",
    birthDate: "2010-05-01",
    stateless: "yes",
    hasDocument: "no",
    unaccompaniedMinor: "yes",
    guardianName: "Aytən Məmmədova",
    // His sister, of unknown citizenship: unaccompanied too.
    familyMemberCount: "1",
    member1FamilyName: "Nuri",
    member1GivenNames: "Mina",
    member1BirthDate: "2014-09-09",
    member1Sex: "F",
    member1Relationship: "sibling",
  });
  for (const field of ["citizenship", "documentNumber", "placeOfStay"]) delete stateless[field];
  await bed.register(stateless);
  on("2026-02-03");
  const first = await bed.register(asylumAnswers(leyla));
  on("2026-02-10");
  let appealed = await bed.decideFirstInstance(omar, "rejected");
  on("2026-02-16");
  const nadia = await bed.toAssessment(
    asylumAnswers({
      familyName: "Rahimi",
      givenNames: "Nadia",
      birthDate: "1999-07-07",
      sex: "F",
      citizenship: "AF",
      documentNumber: "P0099887",
      placeOfStay: { street: "Atatürk prospekti 5", city: "Gəncə", region: "AZ-GA", postcode: "AZ2000" },
    }),
  );
  // A family of three: each of them an applicant, granted with the others.
  const family = await bed.toAssessment(
    familyAnswers({
      familyName: "Saleh",
      givenNames: "Karim",
      birthDate: "1985-06-01",
      documentNumber: "N07654321",
      member1FamilyName: "Saleh",
      member1GivenNames: "Rania",
      member1BirthDate: "1987-02-02",
      member2FamilyName: "Saleh",
      member2GivenNames: "Yara",
      member2BirthDate: "2019-08-08",
      member2Sex: "F",
    }),
  );
  on("2026-02-20");
  appealed = await bed.move(appealed, "lodge-appeal");
  on("2026-02-25");
  await bed.move(await bed.move(first, "start-checks"), "withdraw-implicitly");
  on("2026-03-10");
  await bed.register(asylumAnswers({ ...leyla, applicationKind: "subsequent" }));
  on("2026-03-30");
  await bed.decideFirstInstance(nadia, "refugee-status");
  await bed.decideFirstInstance(family, "refugee-status");
  on("2026-04-15");
  const final = await bed.move(appealed, "record-final-decision", bed.officer, {
    outcome: "refugee-status",
    reasons: "The court annulled the refusal.",
  });
  await bed.move(await bed.move(final, "approve-final-decision", bed.supervisor), "notify-final-decision");
  on("2026-06-01");
  await catchUpStatistics(statisticsContextOf(app.karvan.database));
}

const tables: Array<[string, string[]]> = [
  ["asylum-applicants", ["2026-01", "2026-02", "2026-03"]],
  ["asylum-pending", ["2026-01", "2026-02", "2026-03", "2026-04"]],
  ["asylum-withdrawn", ["2026-02"]],
  ["asylum-unaccompanied-minors", ["2026"]],
  ["asylum-first-instance-decisions", ["2026-Q1", "2026-Q2"]],
  ["asylum-final-decisions", ["2026"]],
];

async function observations(db: Queryable, code: string, period: string) {
  const definition = tableDefinition(code);
  if (!definition) throw new Error(`no table ${code}`);
  return (await computeExactTable(db, definition, period)).observations;
}

function total(rows: Awaited<ReturnType<typeof observations>>, key: Record<string, string> = {}): number {
  const totals = { citizen: "TOTAL", sex: "T", age: "TOTAL", ...key };
  return (
    rows.find((row) =>
      Object.entries(totals).every(([dimension, code]) => (row.key[dimension] ?? code) === code),
    )?.value ?? 0
  );
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await asylumTestBed(app.karvan.cases, app.karvan.database.db, createSubmittedCases);
  imported = await createTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await imported?.destroy();
});

describe("asylum cases in the official tables", () => {
  it("give the same tables as the same persons and facts imported from a previous system", async () => {
    await enterAsCases();
    const result = await importFiles(imported.db, previousSystem, {
      importedBy: "test",
      at: new Date("2026-06-01T07:00:00Z"),
    });
    expect(result.imported).toBe(true);
    for (const [code, periods] of tables) {
      for (const period of periods) {
        const fromCases = await observations(app.karvan.database.db, code, period);
        expect({ code, period, rows: fromCases }).toEqual({
          code,
          period,
          rows: await observations(imported.db, code, period),
        });
      }
    }
  });

  it("count the appeal as pending, the implicit withdrawal as withdrawn, the subsequent application as not first-time, each family member", async () => {
    const db = app.karvan.database.db;
    // End of March: Omar on appeal, Amir and his sister, and Leyla's subsequent application.
    const pending = await observations(db, "asylum-pending", "2026-03");
    expect([total(pending, { instance: "TOTAL" }), total(pending, { instance: "APPEAL" })]).toEqual([4, 1]);
    // Between the first-instance decision (10 February) and the appeal (20 February) Omar was not pending.
    expect(total(await observations(db, "asylum-pending", "2026-02"), { instance: "APPEAL" })).toBe(1);
    const february = await observations(db, "asylum-applicants", "2026-02");
    expect(total(february, { asyl_app: "ASY_APP" })).toBe(5);
    expect(total(await observations(db, "asylum-withdrawn", "2026-02"), { withdrawal: "IMPL" })).toBe(1);
    const march = await observations(db, "asylum-applicants", "2026-03");
    expect([total(march, { asyl_app: "ASY_APP" }), total(march, { asyl_app: "NASY_APP" })]).toEqual([1, 0]);
    // Amir, 15, and his sister, 11: 14-15 and under 14.
    const minors = await observations(db, "asylum-unaccompanied-minors", "2026");
    expect([total(minors), total(minors, { age: "Y14-15" }), total(minors, { age: "Y_LT14" })]).toEqual([
      2, 1, 1,
    ]);
    const final = await observations(db, "asylum-final-decisions", "2026");
    expect(total(final, { decision: "GENCONV" })).toBe(1);
    const first = await observations(db, "asylum-first-instance-decisions", "2026-Q1");
    expect([total(first, { decision: "REJECTED" }), total(first, { decision: "GENCONV" })]).toEqual([1, 4]);
  });

  it("count a family member as the register person they are, and follow a merge and its undo by their slot", async () => {
    const db = app.karvan.database.db;
    on("2026-06-02");
    // Karim again, as the husband named in his wife's application: the register links him.
    const state = await bed.register(
      asylumAnswers({
        familyName: "Saleh",
        givenNames: "Huda",
        birthDate: "1990-11-20",
        sex: "F",
        documentNumber: "N05550001",
        familyMemberCount: "1",
        member1FamilyName: "Saleh",
        member1GivenNames: "Karim",
        member1BirthDate: "1985-06-01",
        member1Sex: "M",
        member1Relationship: "spouse",
        member1Citizenship: "SY",
      }),
    );
    await catchUpStatistics(statisticsContextOf(app.karvan.database));
    const links = await queryRows<{ role: string; person_id: string }>(
      db,
      sql`select role, person_id from people_case_links where case_id = ${state.id}::uuid order by role`,
    );
    const huda = `person:${links[0]?.person_id}`;
    const karim = `person:${links[1]?.person_id}`;
    const keys = async () =>
      (
        await queryRows<{ record_id: string; person_key: string }>(
          db,
          sql`select record_id, person_key from stat_records where case_id = ${state.id}::uuid order by record_id`,
        )
      ).map((row) => row.person_key);
    expect(await keys()).toEqual([huda, karim]);
    // His earlier application makes this one his subsequent one: June counts Huda alone as first-time.
    const june = await observations(db, "asylum-applicants", "2026-06");
    expect([total(june, { asyl_app: "ASY_APP" }), total(june, { asyl_app: "NASY_APP" })]).toEqual([2, 1]);
    const actor = { type: "user" as const, id: bed.officer.userId };
    const merged = await mergePersonsFollowed(
      db,
      statisticsFollowRegister,
      { survivorId: links[0]?.person_id as string, mergedId: links[1]?.person_id as string, reason: "Test." },
      actor,
    );
    expect(await keys()).toEqual([huda, huda]);
    await undoMergeFollowed(db, statisticsFollowRegister, merged.mergeId, actor);
    expect(await keys()).toEqual([huda, karim]);
  });
});
