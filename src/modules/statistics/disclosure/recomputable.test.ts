import { describe, expect, it } from "vitest";
import { determinedCells, isRecomputable } from "./recomputable.js";
import { buildTable, type CellKey } from "./table.js";

const grid4 = buildTable(
  ["a", "b", "c", "d"],
  ["w", "x", "y", "z"],
  [
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12],
    [13, 14, 15, 16],
  ],
);

describe("isRecomputable", () => {
  it("finds a cell hidden alone in its row", () => {
    expect(isRecomputable(grid4, new Set<CellKey>(["0:0"]))).toEqual(["0:0"]);
  });

  it("follows derivations that chain across rows and columns", () => {
    // Row b holds only 1:1; once known, column x holds only 0:1; then row a holds only 0:0.
    expect(isRecomputable(grid4, new Set<CellKey>(["0:0", "0:1", "1:1"]))).toEqual(["0:0", "0:1", "1:1"]);
  });

  it("counts a hidden total as a member of its relation", () => {
    // Row a: cell and row total hidden; column w: cell and column total hidden; total row: column
    // total and grand total hidden; total column: row total and grand total hidden. Nothing falls out.
    expect(isRecomputable(grid4, new Set<CellKey>(["0:0", "0:4", "4:0", "4:4"]))).toEqual([]);
  });

  it("finds nothing in a closed rectangle of hidden cells", () => {
    expect(isRecomputable(grid4, new Set<CellKey>(["0:0", "0:1", "1:0", "1:1"]))).toEqual([]);
    expect(isRecomputable(grid4, new Set<CellKey>())).toEqual([]);
  });

  it("rejects keys outside the table", () => {
    expect(() => isRecomputable(grid4, new Set<CellKey>(["9:0"]))).toThrow(RangeError);
    expect(() => determinedCells(grid4, new Set<CellKey>(["0:5"]))).toThrow(RangeError);
  });
});

describe("determinedCells", () => {
  it("agrees with the simple check on cells alone in a relation", () => {
    expect(determinedCells(grid4, new Set<CellKey>(["0:0", "0:1", "1:1"]))).toEqual(["0:0", "0:1", "1:1"]);
  });

  it("catches a cell joining two protected blocks that the one-at-a-time check misses", () => {
    const hidden = new Set<CellKey>(["0:0", "0:1", "1:0", "1:1", "2:2", "2:3", "3:2", "3:3", "1:2"]);
    expect(isRecomputable(grid4, hidden)).toEqual([]);
    expect(determinedCells(grid4, hidden)).toEqual(["1:2"]);
    // By hand: column w gives 0:0 + 1:0 = 28 - 9 - 13 = 6, column x gives 0:1 + 1:1 = 32 - 10 - 14 = 8,
    // row a gives 0:0 + 0:1 = 10 - 3 - 4 = 3, so 1:0 + 1:1 = 6 + 8 - 3 = 11 and 1:2 = (26 - 8) - 11 = 7.
    expect(grid4.grid[1]?.[2]).toBe(26 - 8 - (28 - 9 - 13 + (32 - 10 - 14) - (10 - 3 - 4)));
  });
});
