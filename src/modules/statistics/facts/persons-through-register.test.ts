import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { linkImportBatchToRegister } from "../../../cli/import-persons.js";
import { statisticsContextOf, statisticsFollowRegister } from "../../../composition-root.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { mergePersonsFollowed, undoMergeFollowed } from "../../people/index.js";
import {
  decide,
  type ProcedureTestBed,
  permanentResidencePage,
  procedureTestBed,
  submitCompleteApplication,
} from "../../permits/case-types/procedure-test-bed.js";
import { cubeSnapshot } from "../cubes/cube-repository.js";
import type { ImportFile } from "../import/import-source.js";
import { importFiles } from "./import-records.js";
import { rebuildStatistics } from "./rebuild-statistics.js";
import { catchUpStatistics } from "./statistics-projector.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
let app: TestApp;
let bed: ProcedureTestBed;
const officer = { type: "user" as const, id: "00000000-0000-4000-8000-000000000004" };

/** Three foreigners granted permanent residence in February 2026 (permits valid to 2031). */
const foreigners = {
  olga: { fullName: "Olga Petrova", birthDate: "1985-07-21", citizenship: "RU", passportNumber: "751234567" },
  john: { fullName: "John Smith", birthDate: "1979-11-02", citizenship: "GB", passportNumber: "123456789" },
  leyla: {
    fullName: "Leyla Karimi",
    birthDate: "1992-03-14",
    citizenship: "IR",
    passportNumber: "K88001122",
  },
};

function residence(about: (typeof foreigners)[keyof typeof foreigners]) {
  return {
    "about-you": about,
    residence: permanentResidencePage,
    basis: { basis: "continuous-residence" },
  };
}

/**
 * The same three as the previous system knew them: each held a temporary permit still valid in
 * February 2026. Olga and John with their passport numbers; Leyla without one.
 */
const previousSystem: ImportFile[] = [
  {
    name: "persons.csv",
    content: [
      "person_id,citizenship,sex,birth_date,document_number",
      "P-1,RU,F,1985-07-21,751 234 567",
      "P-2,GB,M,1979-11-02,123456789",
      "P-3,IR,F,1992-03-14,",
    ].join("\n"),
  },
  {
    name: "permits.csv",
    content: [
      "permit_id,person_id,case_type,reason,valid_from,valid_to",
      "T-1,P-1,temporary-residence-permit,OCC,2024-06-01,2026-12-31",
      "T-2,P-2,temporary-residence-permit,FAM,2024-09-01,2026-12-31",
      "T-3,P-3,temporary-residence-permit,EDUC,2025-01-15,2026-12-31",
    ].join("\n"),
  },
];

/** Holders of a valid residence permit at the end of February 2026 (a stock: the sum of its changes). */
async function holdersInFebruary(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.karvan.database.db,
    sql`select coalesce(sum(n), 0)::int as n from stat_cube where table_code = 'permits_valid_stock' and period <= '2026-02'`,
  );
  return row?.n ?? 0;
}

async function expectCubesAsRebuilt(): Promise<void> {
  const kept = await cubeSnapshot(app.karvan.database.db);
  await rebuildStatistics(statisticsContextOf(app.karvan.database));
  expect(await cubeSnapshot(app.karvan.database.db)).toBe(kept);
}

async function registerPersonOfCase(caseId: string): Promise<string> {
  const [row] = await queryRows<{ person_id: string }>(
    app.karvan.database.db,
    sql`select person_id from people_case_links where case_id = ${caseId}::uuid`,
  );
  return row?.person_id as string;
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await app?.close();
});

describe("official statistics count persons through the person register", () => {
  const cases: Record<string, string> = {};
  let batchId: string;

  it("counts each person of the cases once", async () => {
    for (const [name, about] of Object.entries(foreigners)) {
      const submitted = await submitCompleteApplication(
        bed.as(bed.foreigner),
        "permanent-residence-permit",
        residence(about),
      );
      cases[name] = (await decide(bed, submitted, "approved", "Three years of residence.")).id;
    }
    await catchUpStatistics(statisticsContextOf(app.karvan.database));
    expect(await holdersInFebruary()).toBe(3);
  });

  it("counts a person both in the cases and in an import once, once the import's persons are linked", async () => {
    const result = await importFiles(app.karvan.database.db, previousSystem, {
      importedBy: "test",
      at: new Date("2026-02-02T06:00:00Z"),
    });
    if (!result.imported) throw new Error(JSON.stringify(result.errors));
    batchId = result.report.batchId;
    // As before the register: the import's persons are persons of their own.
    expect(await holdersInFebruary()).toBe(6);

    const linking = await linkImportBatchToRegister(app.karvan.database.db, batchId, previousSystem);
    expect(linking).toEqual({ persons: 3, byEarlierBatch: 0, byDocument: 2, created: 1 });
    // Olga and John are one person each; Leyla, imported without a document, is not recognised.
    expect(await holdersInFebruary()).toBe(4);
    const olga = `person:${await registerPersonOfCase(cases.olga as string)}`;
    const keys = await queryRows<{ source: string; person_key: string }>(
      app.karvan.database.db,
      sql`select distinct source, person_key from stat_records
        where case_id = ${cases.olga as string}::uuid or (batch_id = ${batchId}::uuid and record_id like '%T-1')
        order by source`,
    );
    expect(keys).toEqual([
      { source: "case", person_key: olga },
      { source: "import", person_key: olga },
    ]);
    await expectCubesAsRebuilt();

    const again = await linkImportBatchToRegister(app.karvan.database.db, batchId, previousSystem);
    expect(again.persons).toBe(0);
    expect(await holdersInFebruary()).toBe(4);
  });

  it("counts two register persons once when merged, and twice again when the merge is undone", async () => {
    const leyla = await registerPersonOfCase(cases.leyla as string);
    const [imported] = await queryRows<{ person_id: string }>(
      app.karvan.database.db,
      sql`select person_id from people_import_links where batch_id = ${batchId}::uuid and import_person_id = 'P-3'`,
    );
    const db = app.karvan.database.db;
    const merge = await mergePersonsFollowed(
      db,
      statisticsFollowRegister,
      {
        survivorId: leyla,
        mergedId: imported?.person_id as string,
        reason: "Same birth date and permit history",
      },
      officer,
    );
    expect(await holdersInFebruary()).toBe(3);
    await expectCubesAsRebuilt();

    await undoMergeFollowed(db, statisticsFollowRegister, merge.mergeId, officer);
    expect(await holdersInFebruary()).toBe(4);
    await expectCubesAsRebuilt();
  });
});
