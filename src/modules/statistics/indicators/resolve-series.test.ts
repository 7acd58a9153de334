import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import type { CubeCell, CubeTable } from "../cubes/cube-cell.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { builtinIndicators } from "./builtin-indicators.js";
import { evaluateIndicator } from "./indicator.js";
import type { SeriesRef } from "./indicator-definition.js";
import { loadSeriesResolver, SeriesRefError } from "./resolve-series.js";

let database: TestDatabase;

const cell = (
  tableCode: CubeTable,
  period: string,
  dimensions: Partial<CubeCell>,
  n: number,
  total = 0,
): CubeCell => ({
  tableCode,
  period,
  citizen: "SY",
  sex: "F",
  age: "Y30-34",
  d1: "",
  d2: "",
  d3: "",
  ...dimensions,
  n,
  total,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await addToCubes(database.db, [
    cell("asylum_decisions_first", "2025-01", { d1: "GENCONV" }, 3),
    cell("asylum_decisions_first", "2025-01", { d1: "SUB_PROT" }, 1),
    cell("asylum_decisions_first", "2025-01", { d1: "REJECTED" }, 4),
    cell("asylum_decisions_first", "2025-02", { d1: "REJECTED", citizen: "AF" }, 2),
    cell("processing", "2025-01", { d1: "asylum", d2: "WITHIN" }, 3, 90),
    cell("processing", "2025-01", { d1: "work-permit", d2: "LATE" }, 1, 70),
    cell("processing", "2025-01", { d1: "asylum", d2: "UNK" }, 1, 40),
    cell("registrations", "2025-01", { d1: "AZ-BA" }, 5),
    cell("registrations", "2025-03", { d1: "AZ-GA" }, 7),
    cell("registrations", "2026-01", { d1: "AZ-GA" }, 100),
    cell("backlog_stock", "2024-12", { d1: "asylum", d2: "M_LT1" }, 4),
    cell("backlog_stock", "2025-02", { d1: "asylum", d2: "M_LT1" }, -1),
  ]);
});

afterAll(async () => {
  await database.destroy();
});

const months = ["2025-01", "2025-02", "2025-03"];

describe("loadSeriesResolver", () => {
  it("sums a flow over a month, a quarter or a year, with filters and alternatives", async () => {
    const refs: SeriesRef[] = [
      { series: "registrations" },
      { series: "asylum_decisions_first", filter: { d1: "GENCONV|SUB_PROT|HUMSTAT" } },
      { series: "asylum_decisions_first", filter: { d1: "REJECTED", citizen: "AF" } },
    ];
    const resolve = await loadSeriesResolver(database.db, refs, [...months, "2025-Q1", "2025"]);
    expect(resolve({ series: "registrations" }, "2025-01")).toBe(5);
    expect(resolve({ series: "registrations" }, "2025-Q1")).toBe(12);
    expect(resolve({ series: "registrations" }, "2025")).toBe(12);
    expect(resolve(refs[1] as SeriesRef, "2025-01")).toBe(4);
    expect(resolve(refs[2] as SeriesRef, "2025-Q1")).toBe(2);
  });

  it("reads the sum beside the count and takes a stock at the period's end", async () => {
    const resolve = await loadSeriesResolver(
      database.db,
      [{ series: "processing.total" }, { series: "backlog_stock" }],
      months,
    );
    expect(resolve({ series: "processing.total" }, "2025-01")).toBe(200);
    expect(resolve({ series: "backlog_stock" }, "2025-01")).toBe(4);
    expect(resolve({ series: "backlog_stock" }, "2025-03")).toBe(3);
  });

  it("refuses unknown series, filters and periods that were not loaded", async () => {
    await expect(loadSeriesResolver(database.db, [{ series: "nothing" }], months)).rejects.toThrow(
      SeriesRefError,
    );
    await expect(
      loadSeriesResolver(database.db, [{ series: "decisions", filter: { region: "X" } }], months),
    ).rejects.toThrow(SeriesRefError);
    const resolve = await loadSeriesResolver(database.db, [{ series: "registrations" }], months);
    expect(() => resolve({ series: "applications" }, "2025-01")).toThrow(SeriesRefError);
    expect(() => resolve({ series: "registrations" }, "2026-01")).toThrow(SeriesRefError);
  });

  it("feeds the built-in indicators", async () => {
    const byCode = new Map(builtinIndicators.map((definition) => [definition.code, definition]));
    const refs = builtinIndicators.flatMap((definition) =>
      definition.denominator ? [definition.numerator, definition.denominator] : [definition.numerator],
    );
    const resolve = await loadSeriesResolver(database.db, refs, months);
    const value = (code: string, month: string) =>
      evaluateIndicator(byCode.get(code) as NonNullable<ReturnType<typeof byCode.get>>, resolve, [month])[0]
        ?.value;
    expect(value("asylum-recognition-rate", "2025-01")).toBe(50);
    expect(value("asylum-recognition-rate", "2025-02")).toBe(0);
    expect(value("asylum-recognition-rate", "2025-03")).toBeNull();
    expect(value("decisions-within-legal-time", "2025-01")).toBe(75);
    expect(value("average-processing-days", "2025-01")).toBe(40);
    expect(value("stay-registrations-per-month", "2025-03")).toBe(7);
    expect(value("applications-per-month", "2025-03")).toBe(0);
  });
});
