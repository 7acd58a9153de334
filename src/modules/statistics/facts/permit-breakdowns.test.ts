import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { statisticsContextOf } from "../../../composition-root.js";
import { ManualClock } from "../../../platform/clock/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import {
  decide,
  type ProcedureTestBed,
  procedureTestBed,
  submitCompleteApplication,
} from "../../permits/case-types/procedure-test-bed.js";
import { computeExactTable } from "../tables/compute-official-table.js";
import { tableDefinition } from "../tables/table-definitions.js";
import { importFiles } from "./import-records.js";
import { catchUpStatistics } from "./statistics-projector.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
let app: TestApp;
let bed: ProcedureTestBed;
let imported: TestDatabase;

const student = {
  fullName: "Li Wei",
  birthDate: "1988-03-09",
  citizenship: "CN",
  passportNumber: "E98765432",
};
const resident = {
  fullName: "Olga Petrova",
  birthDate: "1985-07-21",
  citizenship: "RU",
  passportNumber: "751234567",
};
const address = { street: "Nizami küçəsi 10", city: "Bakı", region: "AZ-BA", postcode: "AZ1001" };

/** Every observation of a table for 2026. */
async function table(db: Queryable, code: string) {
  const definition = tableDefinition(code);
  if (!definition) throw new Error(`no table ${code}`);
  return (await computeExactTable(db, definition, "2026")).observations;
}

beforeAll(async () => {
  [app, imported] = await Promise.all([createTestApp({ clock }), createTestDatabase()]);
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await Promise.all([app?.close(), imported?.destroy()]);
});

describe("residence permits by issue and sub-reason", () => {
  it("count the same from cases as from an import of the same facts", async () => {
    // A student's first temporary permit (studies, EDUC_STUD) and a permanent permit, a change of status.
    const study = await submitCompleteApplication(bed.as(bed.foreigner), "temporary-residence-permit", {
      "about-you": student,
      "current-stay": { currentStayEnds: "2026-04-30", addressInAzerbaijan: address },
      ground: { ground: "study" },
      study: { institution: "ADA University", programme: "MSc Computer Science", studyEnds: "2027-06-30" },
    });
    const studyPermit = (await decide(bed, study, "approved", "Admitted to a master's programme.")).decision;
    const permanent = await submitCompleteApplication(bed.as(bed.foreigner), "permanent-residence-permit", {
      "about-you": resident,
      residence: {
        permitCardNumber: "MY1234567",
        permitEnds: "2026-06-30",
        yearsOfResidence: 3,
        addressInAzerbaijan: address,
      },
      basis: { basis: "continuous-residence" },
    });
    const permanentPermit = (await decide(bed, permanent, "approved", "Three years of residence.")).decision;
    await catchUpStatistics(statisticsContextOf(app.karvan.database));

    const result = await importFiles(
      imported.db,
      [
        {
          name: "persons.csv",
          content: [
            "person_id,citizenship,birth_date",
            `P1,CN,${student.birthDate}`,
            `P2,RU,${resident.birthDate}`,
          ].join("\n"),
        },
        {
          name: "permits.csv",
          content: [
            "permit_id,person_id,case_type,reason,valid_from,valid_to,region,issue_type",
            `R1,P1,temporary-residence-permit,EDUC_STUD,${studyPermit?.validFrom},${studyPermit?.validTo},AZ-BA,first`,
            `R2,P2,permanent-residence-permit,OTH,${permanentPermit?.validFrom},${permanentPermit?.validTo},AZ-BA,change`,
          ].join("\n"),
        },
      ],
      { importedBy: "test", at: clock.now() },
    );
    if (!result.imported) throw new Error(JSON.stringify(result.errors));

    for (const code of ["first-permits", "valid-permits", "permits-issued"]) {
      expect({ code, rows: await table(app.karvan.database.db, code) }).toEqual({
        code,
        rows: await table(imported.db, code),
      });
    }
    const issued = await table(app.karvan.database.db, "permits-issued");
    const count = (key: Record<string, string>) =>
      issued.find((row) =>
        Object.entries({
          citizen: "TOTAL",
          sex: "T",
          age: "TOTAL",
          issue: "TOTAL",
          reason: "TOTAL",
          sub_reason: "TOTAL",
          ...key,
        }).every(([dimension, code]) => row.key[dimension] === code),
      )?.value;
    expect([
      count({ issue: "FIRST" }),
      count({ issue: "CHANGE" }),
      count({ sub_reason: "EDUC_STUD" }),
    ]).toEqual([1, 1, 1]);
  });
});
