import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import type { CubeCell } from "./cube-cell.js";
import { addToCubes, sumCube } from "./cube-repository.js";

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
