import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import type { PersonFacts, StatisticalRecord } from "../facts/statistical-record.js";
import { statisticalRecord } from "../test-support/statistical-record.js";
import { checkPeriod, computeExactTable, PeriodError } from "./compute-official-table.js";
import type { OfficialObservation } from "./official-table.js";
import { officialTable } from "./official-tables.js";
import { protectOfficialTable } from "./protect-official-table.js";
import { type TableDefinition, tableDefinition } from "./table-definitions.js";
import { validateTable } from "./validate-table.js";

function record(
  person: PersonFacts,
  overrides: Partial<Omit<StatisticalRecord, "person">>,
): StatisticalRecord {
  return statisticalRecord({ ...overrides, person });
}

// Asylum persons (ages on the dates that matter are in the comments of the tests).
const A = { personKey: "A", citizenship: "SY", sex: "F", birthDate: "1990-05-01" } as const; // 34
const B = { personKey: "B", citizenship: "SY", sex: "M", birthDate: "2007-02-10" } as const; // 17, 18 on 2025-02-10
const C = { personKey: "C", citizenship: "AF", sex: "M", birthDate: "2015-02-01" } as const; // 9
const D = { personKey: "D", citizenship: "AF", sex: "F", birthDate: null } as const; // UNK
const E = { personKey: "E", citizenship: "IQ", sex: "M", birthDate: "1980-01-01" } as const; // 45

const asylumRecords: StatisticalRecord[][] = [
  [
    record(A, { date: "2025-01-10", endDate: "2025-04-05" }),
    record(A, { kind: "decision", date: "2025-03-31", outcome: "GENCONV", instance: "first" }),
  ],
  [
    record(B, { date: "2025-01-15", endDate: null, unaccompanied: true }),
    record(B, { kind: "decision", date: "2025-04-01", outcome: "REJECTED", instance: "first" }),
  ],
  [
    record(C, { date: "2025-01-20", endDate: "2025-01-30" }),
    record(C, { date: "2025-01-25", endDate: "2025-01-30" }),
    record(C, { kind: "decision", date: "2025-01-15", outcome: "SUB_PROT", instance: "first" }),
  ],
  [
    record(D, { date: "2024-12-10", endDate: "2025-01-05" }),
    record(D, { date: "2025-01-05", endDate: "2025-02-28" }),
    record(D, { kind: "decision", date: "2024-12-31", outcome: "REJECTED", instance: "first" }),
  ],
  [
    record(E, { date: "2025-02-03", endDate: "2025-03-01" }),
    record(E, { kind: "decision", date: "2025-02-20", outcome: "REJECTED", instance: "final" }),
  ],
];

// Stay registrations in March 2025, region x citizenship (one person each):
//            SY  AF  IQ | total
//   AZ-BA    12   3   9 |  24
//   AZ-GA     8  10   7 |  25
//   AZ-SM    15   6   2 |  23
//   total    35  19  18 |  72
const registrationCounts: Array<[string, string, number]> = [
  ["AZ-BA", "SY", 12],
  ["AZ-BA", "AF", 3],
  ["AZ-BA", "IQ", 9],
  ["AZ-GA", "SY", 8],
  ["AZ-GA", "AF", 10],
  ["AZ-GA", "IQ", 7],
  ["AZ-SM", "SY", 15],
  ["AZ-SM", "AF", 6],
  ["AZ-SM", "IQ", 2],
];
const registrationRecords: StatisticalRecord[][] = registrationCounts.flatMap(
  ([region, citizenship, count]) =>
    Array.from({ length: count }, (_, index) => [
      record(
        { personKey: `R-${region}-${citizenship}-${index}`, citizenship, sex: "F", birthDate: "1995-01-01" },
        {
          kind: "registration",
          caseType: "stay-registration",
          date: `2025-03-${String(1 + (index % 28)).padStart(2, "0")}`,
          region,
        },
      ),
    ]),
);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const cells = [...asylumRecords, ...registrationRecords].flatMap((records) => personContributions(records));
  // addToCubes takes one change per cube cell (as the rebuild and the projection give it), so the
  // persons' contributions are summed first.
  await addToCubes(database.db, nonZeroCells(sumCells(cells)));
});

afterAll(async () => {
  await database.destroy();
});

function definition(code: string): TableDefinition {
  const found = tableDefinition(code);
  if (!found) throw new Error(`no table ${code}`);
  return found;
}

function valueAt(
  observations: OfficialObservation[],
  key: Record<string, string>,
): number | null | undefined {
  return observations.find((observation) =>
    Object.entries(key).every(([id, code]) => observation.key[id] === code),
  )?.value;
}

const context = { lastMonth: "2025-03", currentMonth: "2026-01", waitingChanges: 0 };

describe("asylum applicants in January 2025", () => {
  it("counts persons with every total and the Y_LT18 aggregate", async () => {
    // Applicants in January: A (SY F 34, Y18-34, first), B (SY M 17, Y14-17, first), C (AF M 9, Y_LT14,
    // first; two applications, counted once), D (AF F UNK; applied in December, so not first-time).
    // E applied in February. ASY_APP 4, NASY_APP 3.
    const table = await computeExactTable(database.db, definition("asylum-applicants"), "2025-01");
    const at = (citizen: string, sex: string, age: string, asyl_app = "ASY_APP") =>
      valueAt(table.observations, { citizen, sex, age, asyl_app });
    expect(at("TOTAL", "T", "TOTAL")).toBe(4);
    expect(at("TOTAL", "T", "TOTAL", "NASY_APP")).toBe(3);
    expect(at("SY", "T", "TOTAL")).toBe(2);
    expect(at("AF", "T", "TOTAL")).toBe(2);
    expect(at("IQ", "T", "TOTAL")).toBeUndefined();
    expect(at("TOTAL", "F", "TOTAL")).toBe(2);
    expect(at("TOTAL", "M", "TOTAL")).toBe(2);
    // Minors: B (Y14-17) and C (Y_LT14); both first-time.
    expect(at("TOTAL", "T", "Y_LT18")).toBe(2);
    expect(at("TOTAL", "T", "Y_LT18", "NASY_APP")).toBe(2);
    expect(at("TOTAL", "T", "Y14-17")).toBe(1);
    expect(at("TOTAL", "T", "Y_LT14")).toBe(1);
    expect(at("AF", "T", "UNK")).toBe(1);
    expect(at("AF", "F", "UNK", "NASY_APP")).toBeUndefined();
    expect(at("SY", "F", "Y18-34")).toBe(1);
    expect(table.months).toEqual(["2025-01"]);
  });

  it("passes validation exactly and fails when one observation is tampered with", async () => {
    const table = await computeExactTable(database.db, definition("asylum-applicants"), "2025-01");
    const checks = validateTable(table.definition, table.observations, { ...context, lastMonth: "2025-01" });
    expect(checks.every((check) => check.ok)).toBe(true);
    // SY F Y18-34 ASY_APP from 1 to 2: the SY F parts now add to 2 + 0 but the totals stay.
    const tampered = table.observations.map((observation) =>
      observation.key.citizen === "SY" &&
      observation.key.sex === "F" &&
      observation.key.age === "Y18-34" &&
      observation.key.asyl_app === "ASY_APP"
        ? { ...observation, value: 2 }
        : observation,
    );
    const after = validateTable(table.definition, tampered, { ...context, lastMonth: "2025-01" });
    const parts = after.find((check) => check.code === "parts_add_up");
    expect(parts?.ok).toBe(false);
    expect(parts?.problems.length).toBeGreaterThan(0);
    // A negative count is reported too.
    const negative = table.observations.map((observation, index) =>
      index === 0 ? { ...observation, value: -1 } : observation,
    );
    expect(
      validateTable(table.definition, negative, context).find((check) => check.code === "no_negative_counts")
        ?.ok,
    ).toBe(false);
    // A month not over yet is not complete.
    expect(
      validateTable(table.definition, table.observations, {
        ...context,
        lastMonth: "2025-01",
        currentMonth: "2025-01",
      }).find((check) => check.code === "period_complete")?.ok,
    ).toBe(false);
  });

  it("rounds the public view to multiples of 5", async () => {
    // Public view: citizen by age at sex T and ASY_APP. Every cell is 0 or 1 → 0; SY and AF totals 2 → 0;
    // the grand total 4 → 5.
    const table = await computeExactTable(database.db, definition("asylum-applicants"), "2025-01");
    const published = protectOfficialTable(table);
    expect(published.length).toBeGreaterThan(0);
    for (const observation of published) {
      expect(observation.flag).toBe("");
      expect((observation.value as number) % 5).toBe(0);
      expect(observation.key.sex).toBe("T");
      expect(observation.key.asyl_app).toBe("ASY_APP");
    }
    expect(valueAt(published, { citizen: "TOTAL", age: "TOTAL" })).toBe(5);
    expect(valueAt(published, { citizen: "SY", age: "TOTAL" })).toBe(0);
    // Rows: AF, SY and TOTAL; columns: UNK, Y14-17, Y18-34, Y_LT14 and TOTAL (no Y_LT18 aggregate).
    expect(published).toHaveLength(3 * 5);
  });
});

describe("periods", () => {
  it("refuses periods a monthly table is not published for", async () => {
    const monthly = definition("asylum-applicants");
    for (const period of ["2025-13", "2025-00", "2025", "2025-Q1", "2025-1"]) {
      expect(() => checkPeriod(monthly, period), period).toThrow(PeriodError);
    }
    await expect(computeExactTable(database.db, monthly, "2025-13")).rejects.toThrow(PeriodError);
    await expect(computeExactTable(database.db, monthly, "2025")).rejects.toBeInstanceOf(PeriodError);
    expect(() => checkPeriod(definition("asylum-first-instance-decisions"), "2025-03")).toThrow(PeriodError);
    expect(() => checkPeriod(definition("asylum-unaccompanied-minors"), "2025-Q1")).toThrow(PeriodError);
    expect(() => checkPeriod(definition("asylum-first-instance-decisions"), "2025-Q4")).not.toThrow();
  });

  it("publishes a zero grand total when nothing happened", async () => {
    const table = await computeExactTable(database.db, definition("asylum-applicants"), "2030-01");
    expect(table.observations).toEqual([
      { key: { citizen: "TOTAL", sex: "T", age: "TOTAL", asyl_app: "ASY_APP" }, value: 0, flag: "" },
    ]);
  });
});

describe("first-instance decisions in 2025-Q1", () => {
  it("sums the three months of the quarter, and nothing outside", async () => {
    // In: C SUB_PROT 2025-01-15 (Y_LT14), A GENCONV 2025-03-31 (Y18-34). Out: D REJECTED 2024-12-31,
    // B REJECTED 2025-04-01, E's final decision. TOTAL 2, TOTAL_POS 2, no REJECTED.
    const table = await computeExactTable(
      database.db,
      definition("asylum-first-instance-decisions"),
      "2025-Q1",
    );
    expect(table.months).toEqual(["2025-01", "2025-02", "2025-03"]);
    const at = (decision: string, citizen = "TOTAL", age = "TOTAL") =>
      valueAt(table.observations, { citizen, sex: "T", age, decision });
    expect(at("TOTAL")).toBe(2);
    expect(at("TOTAL_POS")).toBe(2);
    expect(at("GENCONV")).toBe(1);
    expect(at("SUB_PROT")).toBe(1);
    expect(at("REJECTED")).toBeUndefined();
    expect(at("TOTAL", "AF", "Y_LT18")).toBe(1);
    expect(validateTable(table.definition, table.observations, context).every((check) => check.ok)).toBe(
      true,
    );
    // Q2 holds B's rejection of 2025-04-01 only.
    const q2 = await computeExactTable(database.db, definition("asylum-first-instance-decisions"), "2025-Q2");
    expect(valueAt(q2.observations, { citizen: "TOTAL", sex: "T", age: "TOTAL", decision: "TOTAL" })).toBe(1);
    expect(valueAt(q2.observations, { citizen: "SY", sex: "T", age: "TOTAL", decision: "REJECTED" })).toBe(1);
  });
});

describe("pending asylum applications", () => {
  it("are counted at the end of the month", async () => {
    // On 2025-02-28: A (lodged 01-10, decided 04-05) pending, Y18-34; B (lodged 01-15, open) pending,
    // 18 since 02-10 so Y18-34; E (lodged 02-03, decided 03-01) pending, Y35-64. Not pending: C (decided
    // 01-30), D (second application decided on 02-28 itself). Total 3: SY 2, IQ 1, no minor.
    const february = await computeExactTable(database.db, definition("asylum-pending"), "2025-02");
    const at = (citizen: string, age: string) => valueAt(february.observations, { citizen, sex: "T", age });
    expect(at("TOTAL", "TOTAL")).toBe(3);
    expect(at("SY", "TOTAL")).toBe(2);
    expect(at("IQ", "TOTAL")).toBe(1);
    expect(at("AF", "TOTAL")).toBeUndefined();
    expect(at("TOTAL", "Y18-34")).toBe(2);
    expect(at("TOTAL", "Y35-64")).toBe(1);
    expect(at("TOTAL", "Y_LT18")).toBeUndefined();
    expect(
      validateTable(february.definition, february.observations, context).every((check) => check.ok),
    ).toBe(true);
    // On 2025-01-31: A, B (17: Y14-17) and D's second application (lodged 01-05) pending; D's first
    // (decided 01-05) not. Total 3, one minor.
    const january = await computeExactTable(database.db, definition("asylum-pending"), "2025-01");
    const atJanuary = (citizen: string, age: string) =>
      valueAt(january.observations, { citizen, sex: "T", age });
    expect(atJanuary("TOTAL", "TOTAL")).toBe(3);
    expect(atJanuary("TOTAL", "Y_LT18")).toBe(1);
    expect(atJanuary("AF", "UNK")).toBe(1);
    // On 2024-12-31: D's first application only. On 2025-04-30: B only (A decided 04-05).
    const december = await computeExactTable(database.db, definition("asylum-pending"), "2024-12");
    expect(valueAt(december.observations, { citizen: "TOTAL", sex: "T", age: "TOTAL" })).toBe(1);
    const april = await computeExactTable(database.db, definition("asylum-pending"), "2025-04");
    expect(valueAt(april.observations, { citizen: "SY", sex: "M", age: "Y18-34" })).toBe(1);
    expect(valueAt(april.observations, { citizen: "TOTAL", sex: "T", age: "TOTAL" })).toBe(1);
  });
});

describe("stay registrations in March 2025, public view", () => {
  it("are exact internally", async () => {
    const table = await computeExactTable(database.db, definition("stay-registrations"), "2025-03");
    const at = (region: string, citizen: string) => valueAt(table.observations, { region, citizen });
    expect(at("TOTAL", "TOTAL")).toBe(72);
    expect(at("AZ-BA", "TOTAL")).toBe(24);
    expect(at("TOTAL", "AF")).toBe(19);
    expect(at("AZ-SM", "IQ")).toBe(2);
    expect(validateTable(table.definition, table.observations, context).every((check) => check.ok)).toBe(
      true,
    );
  });

  it("name the regions in the reader's language, not by their codes", async () => {
    for (const [locale, baku] of [
      ["az", "Bakı"],
      ["en", "Baku"],
      ["ru", "Баку"],
    ] as const) {
      const { table } = await officialTable(database.db, definition("stay-registrations"), "2025-03", {
        audience: "public",
        locale,
        t: (key) => key,
        today: "2025-12-01",
      });
      expect(table.labels.codes.region?.["AZ-BA"]).toBe(baku);
    }
  });

  it("hide cells of 1-4 with flag c, so that no hidden cell can be recomputed from its row or column", async () => {
    const table = await computeExactTable(database.db, definition("stay-registrations"), "2025-03");
    const published = protectOfficialTable(table);
    const regions = ["AZ-BA", "AZ-GA", "AZ-SM", "TOTAL"];
    const citizens = ["AF", "IQ", "SY", "TOTAL"];
    // The full 4 x 4 grid (3 regions and the total by 3 citizenships and the total).
    expect(published).toHaveLength(16);
    for (const observation of published) {
      const exact = valueAt(table.observations, observation.key) ?? 0;
      if (exact >= 1 && exact <= 4) expect(observation.flag, JSON.stringify(observation.key)).toBe("c");
      if (observation.flag === "c") expect(observation.value).toBeNull();
      else expect(observation.value).toBe(exact);
    }
    const hidden = (region: string, citizen: string) =>
      published.find(
        (observation) => observation.key.region === region && observation.key.citizen === citizen,
      )?.flag === "c";
    // The two small cells: AZ-BA/AF (3) and AZ-SM/IQ (2).
    expect(hidden("AZ-BA", "AF")).toBe(true);
    expect(hidden("AZ-SM", "IQ")).toBe(true);
    // In each row and column of the grid, totals included: no hidden cell, or at least two.
    for (const region of regions) {
      const count = citizens.filter((citizen) => hidden(region, citizen)).length;
      expect(count === 0 || count >= 2, `row ${region}: ${count} hidden`).toBe(true);
    }
    for (const citizen of citizens) {
      const count = regions.filter((region) => hidden(region, citizen)).length;
      expect(count === 0 || count >= 2, `column ${citizen}: ${count} hidden`).toBe(true);
    }
    // Nothing large is hidden without need: the grand total stays shown.
    expect(hidden("TOTAL", "TOTAL")).toBe(false);
  });
});
