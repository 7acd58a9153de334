import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import type { CubeCell } from "./cube-cell.js";
import { addToCubes, cubeSnapshot, sumCube } from "./cube-repository.js";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

const cell = (period: string, n: number): CubeCell => ({
  tableCode: "violations",
  period,
  citizen: "SY",
  sex: "F",
  age: "Y18-34",
  d1: "AZ-BA",
  d2: "",
  d3: "",
  n,
  total: 0,
});

describe("addToCubes", () => {
  it("adds changes to what is there and removes cells that come to nothing", async () => {
    // +1 in January and +1 in February, then -1 in January: January is gone, February stays.
    await addToCubes(database.db, [cell("2025-01", 1), cell("2025-02", 1)]);
    await addToCubes(database.db, [cell("2025-01", -1)]);
    expect((await sumCube(database.db, "violations", { in: ["2025-01"] })).length).toBe(0);
    expect((await sumCube(database.db, "violations", { upTo: "2025-12" }))[0]?.n).toBe(1);
  });

  it("adds two changes of the same cell given in one call", async () => {
    // Two changes of the March cell in one call should add up to 2 (the callers in facts/ sum them
    // first, but nothing in addToCubes says it must be so).
    await addToCubes(database.db, [cell("2025-03", 1), cell("2025-03", 1)]);
    expect((await sumCube(database.db, "violations", { in: ["2025-03"] }))[0]?.n).toBe(2);
  });
});

// COPY serves a server's transactions only (the embedded database reads its blob slowly).
describe.runIf(process.env.KARVAN_TEST_DB === "postgres")("addToCubes by COPY", () => {
  // Few keys, so that changes meet cells already there and some come to nothing; codes COPY's text
  // format must carry unchanged.
  const cellArb = fc.record({
    tableCode: fc.constantFrom("violations" as const, "processing" as const),
    period: fc.constantFrom("2025-01", "2025-02"),
    citizen: fc.constantFrom("SY", "UNK"),
    sex: fc.constantFrom("F", ""),
    age: fc.constantFrom("Y18-34", ""),
    d1: fc.constantFrom("AZ-BA", "a\\b", "t\tab", "\\N", "é"),
    d2: fc.constantFrom("", "x"),
    d3: fc.constant(""),
    n: fc.integer({ min: -2, max: 2 }),
    total: fc.integer({ min: -3, max: 3 }),
  });

  it("leaves the cubes as the array parameters do, from any cubes and for any changes", async () => {
    const cubesAfter = async (before: CubeCell[], changes: CubeCell[], copyFromCells: number) => {
      await database.db.execute(sql`delete from stat_cube`);
      await addToCubes(database.db, before);
      const changed = await database.db.transaction((tx) => addToCubes(tx, changes, copyFromCells));
      return { changed, cubes: await cubeSnapshot(database.db) };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(cellArb, { maxLength: 12 }),
        fc.array(cellArb, { maxLength: 12 }),
        async (before, changes) => {
          const byArrays = await cubesAfter(before, changes, Number.POSITIVE_INFINITY);
          expect(await cubesAfter(before, changes, 0)).toEqual(byArrays);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("can move the cubes twice in one transaction", async () => {
    await database.db.execute(sql`delete from stat_cube`);
    await database.db.transaction(async (tx) => {
      await addToCubes(tx, [cell("2025-04", 1)], 0);
      await addToCubes(tx, [cell("2025-04", 2)], 0);
    });
    expect((await sumCube(database.db, "violations", { in: ["2025-04"] }))[0]?.n).toBe(3);
  });
});

describe("sumCube", () => {
  it("gives a column it filters on back with its code, though the sum does not break down by it", async () => {
    // Enforcement kinds share a cube: the ORDERED table sums by person only and selects d1 = ORDERED.
    const enforcement = (d1: string, n: number): CubeCell => ({
      ...cell("2024-05", n),
      tableCode: "enforcement",
      d1,
    });
    await addToCubes(database.db, [enforcement("ORDERED", 2), enforcement("RETURNED", 1)]);
    const sums = await sumCube(
      database.db,
      "enforcement",
      { in: ["2024-05"] },
      { by: ["citizen", "sex", "age"], where: { d1: "ORDERED" } },
    );
    expect(sums).toEqual([
      { citizen: "SY", sex: "F", age: "Y18-34", d1: "ORDERED", d2: "", d3: "", n: 2, total: 0 },
    ]);
  });
});
