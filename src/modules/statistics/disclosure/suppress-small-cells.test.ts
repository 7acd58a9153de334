import { describe, expect, it } from "vitest";
import { isSmallCount, primarySuppression } from "./suppress-small-cells.js";
import { buildTable } from "./table.js";

describe("primary suppression", () => {
  it("hides 1..4 and shows zeros and 5+ by default", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((value) => isSmallCount(value))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("honours a different minimum and zero suppression", () => {
    expect(isSmallCount(9, { minimum: 10 })).toBe(true);
    expect(isSmallCount(10, { minimum: 10 })).toBe(false);
    expect(isSmallCount(0, { suppressZeros: true })).toBe(true);
  });

  it("checks totals as well as interior cells", () => {
    const table = buildTable(
      ["a", "b"],
      ["x", "y"],
      [
        [0, 3],
        [20, 0],
      ],
    );
    // grid: [0,3,3] [20,0,20] [20,3,23]
    expect([...primarySuppression(table)].sort()).toEqual(["0:1", "0:2", "2:1"]);
    expect([...primarySuppression(table, { suppressZeros: true })].sort()).toEqual([
      "0:0",
      "0:1",
      "0:2",
      "1:1",
      "2:1",
    ]);
  });

  it("rejects a meaningless minimum", () => {
    const table = buildTable(["a"], ["x"], [[1]]);
    expect(() => primarySuppression(table, { minimum: 0 })).toThrow(RangeError);
  });
});
