import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { statisticsContextOf } from "../../../composition-root.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { countryProfile } from "../../../platform/country/index.js";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import { findAgencyByCode, type Permission, type Principal } from "../../access/index.js";
import type { CasesContext } from "../../cases/index.js";
import { createSubmittedCases } from "../../cases/operations/create-submitted-cases.js";
import { importFiles } from "../../statistics/facts/import-records.js";
import { catchUpStatistics } from "../../statistics/facts/statistics-projector.js";
import { computeExactTable } from "../../statistics/tables/compute-official-table.js";
import { tableDefinition } from "../../statistics/tables/table-definitions.js";
import { moveReturnOrder, type ReturnStep, type ReturnStepInput } from "./operations/move-return-order.js";
import { loadReturnLaw } from "./return-law.js";

const clock = new ManualClock("2026-03-02T08:00:00Z");
let app: TestApp;
let imported: TestDatabase;
let officer: Principal;
let approver: Principal;
const services = { law: loadReturnLaw("AZ"), calendar: countryProfile().calendar };

function principal(n: number, agencyId: string, permissions: Permission[]): Principal {
  return {
    userId: `00000000-0000-4000-8000-00000000070${n}`,
    email: `return${n}@example.org`,
    fullName: `Officer ${n}`,
    kind: "staff",
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}

const as = (who: Principal): CasesContext => ({ ...app.karvan.cases.systemContext(), principal: who });

/** Four persons ordered to leave; the same facts as the previous system's files say them below. */
const persons = {
  P1: {
    familyName: "Petrov",
    givenNames: "Ivan",
    birthDate: "1990-03-14",
    sex: "M",
    citizenship: "RU",
    documentNumber: "751234567",
  },
  P2: {
    familyName: "Hosseini",
    givenNames: "Reza",
    birthDate: "1984-07-02",
    sex: "M",
    citizenship: "IR",
    documentNumber: "K12345678",
  },
  P3: {
    familyName: "Okafor",
    givenNames: "Ada",
    birthDate: "2009-01-20",
    sex: "F",
    citizenship: "NG",
    documentNumber: "A09876543",
  },
  P4: {
    familyName: "Nguyen",
    givenNames: "Thi Lan",
    birthDate: "1988-11-30",
    sex: "F",
    citizenship: "VN",
    documentNumber: "C1234567",
  },
};

const previousSystem = [
  {
    name: "persons.csv",
    content: [
      "person_id,citizenship,sex,birth_date,document_number",
      ...Object.entries(persons).map(
        ([id, p]) => `${id},${p.citizenship},${p.sex},${p.birthDate},${p.documentNumber}`,
      ),
    ].join("\n"),
  },
  {
    name: "orders_to_leave.csv",
    content: [
      "order_id,person_id,issued_on",
      "O1,P1,2026-03-02",
      "O2,P2,2026-03-02",
      "O3,P3,2026-03-02",
    ].join("\n"),
  },
  {
    name: "returns.csv",
    content: [
      "return_id,person_id,returned_on,order_id,return_type,assisted,assistance_offered,destination",
      // Assistance counts when received (assisted), not when only offered; a removal is never assisted.
      "R1,P1,2026-03-03,O1,voluntary,yes,yes,origin",
      "R2,P2,2026-03-10,O2,forced,no,yes,origin",
      "R3,P3,2026-03-04,O3,voluntary,no,yes,origin",
    ].join("\n"),
  },
];

async function register(answers: Record<string, unknown>): Promise<string> {
  const created = await createSubmittedCases(as(officer), "return-order", [
    {
      ...answers,
      ground: "stay-violation",
      departurePeriod: "hours",
      entryBan: "none",
      assistedReturnOffered: "yes",
      destination: "origin",
      destinationCountry: answers.citizenship,
    },
  ]);
  return created.cases[0]?.id as string;
}

const step = (who: Principal, id: string, name: ReturnStep, input: ReturnStepInput = {}) =>
  moveReturnOrder(services, as(who), id, undefined, name, input);

async function notified(answers: Record<string, unknown>): Promise<string> {
  const id = await register(answers);
  await step(officer, id, "draft-order", { reasons: "Overstay." });
  await step(approver, id, "approve");
  await step(officer, id, "notify");
  return id;
}

/** Every observation of a table for 2026, in a stable order. */
async function table(db: Queryable, code: string) {
  const definition = tableDefinition(code);
  if (!definition) throw new Error(`no table ${code}`);
  const computed = await computeExactTable(db, definition, "2026");
  return computed.observations
    .map((observation) => ({ key: JSON.stringify(observation.key), value: observation.value }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function total(rows: Array<{ key: string; value: number | null }>): number | null | undefined {
  return rows.find(
    (row) =>
      row.key.includes('"citizen":"TOTAL"') &&
      row.key.includes('"sex":"T"') &&
      row.key.includes('"age":"TOTAL"'),
  )?.value;
}

beforeAll(async () => {
  [app, imported] = await Promise.all([createTestApp({ clock }), createTestDatabase()]);
  const sms = (await findAgencyByCode(app.database.db, "SMS"))?.id as string;
  officer = principal(1, sms, ["return.manage", "cases.read", "cases.process"]);
  approver = principal(2, sms, ["return.manage", "cases.read", "cases.approve"]);
});

afterAll(async () => {
  await Promise.all([app?.close(), imported?.destroy()]);
});

describe("orders to leave and returns in the official tables", () => {
  it("count the same from cases as from an import of the same facts, assistance as received", async () => {
    const written = (on: string) => ({ occurredOn: on, record: "Border record." });
    const p1 = await notified(persons.P1);
    const p2 = await notified(persons.P2);
    const p3 = await notified(persons.P3);
    // Cancelled before the notice: never an order to leave.
    const p4 = await register(persons.P4);
    await step(approver, p4, "cancel", written("2026-03-02"));
    await step(officer, p2, "order-removal", written("2026-03-02"));
    clock.set("2026-03-03T08:00:00Z");
    await step(officer, p1, "record-departure", { ...written("2026-03-03"), assistanceReceived: "yes" });
    // Offered assistance, as every order here, but left without taking it up.
    clock.set("2026-03-04T08:00:00Z");
    await step(officer, p3, "record-departure", { ...written("2026-03-04"), assistanceReceived: "no" });
    // The removal on the 10th is recorded two days later: the return is dated the 10th.
    clock.set("2026-03-12T08:00:00Z");
    await step(officer, p2, "record-removal", written("2026-03-10"));
    await catchUpStatistics(statisticsContextOf(app.karvan.database));
    const returns = (db: Queryable) =>
      queryRows<{ date: string; assisted: boolean | null; assistance_offered: boolean | null }>(
        db,
        sql`select date::text, assisted, assistance_offered from stat_records where kind = 'return' order by date`,
      );
    const recorded = [
      { date: "2026-03-03", assisted: true, assistance_offered: true },
      { date: "2026-03-04", assisted: false, assistance_offered: true },
      { date: "2026-03-10", assisted: false, assistance_offered: true },
    ];
    expect(await returns(app.database.db)).toEqual(recorded);

    const result = await importFiles(imported.db, previousSystem, { importedBy: "test", at: clock.now() });
    if (!result.imported) throw new Error(JSON.stringify(result.errors));
    expect(await returns(imported.db)).toEqual(recorded);

    for (const code of ["ordered-to-leave", "returned", "returned-by-type"]) {
      expect(await table(app.database.db, code)).toEqual(await table(imported.db, code));
    }
    expect(total(await table(app.database.db, "ordered-to-leave"))).toBe(3);
    expect(total(await table(app.database.db, "returned"))).toBe(3);
    const byType = await table(app.database.db, "returned-by-type");
    const returned = (breakdown: Record<string, string>) => {
      const key = { citizen: "TOTAL", sex: "T", age: "TOTAL", return_type: "TOTAL", assistance: "TOTAL" };
      return byType.find((row) => row.key === JSON.stringify({ ...key, destination: "TOTAL", ...breakdown }))
        ?.value;
    };
    expect([
      returned({ return_type: "VOLUNTARY", assistance: "ASSISTED" }),
      returned({ return_type: "VOLUNTARY", assistance: "NOT_ASSISTED" }),
      returned({ return_type: "FORCED", assistance: "NOT_ASSISTED" }),
      returned({ destination: "COO" }),
      returned({}),
    ]).toEqual([1, 1, 1, 3, 3]);
  });
});
