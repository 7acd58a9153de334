import { describe, expect, it } from "vitest";
import { protectTable } from "./protect-table.js";
import {
  allCells,
  buildTable,
  cellKey,
  cellValue,
  linearRelations,
  parseCellKey,
  tableFromRecords,
} from "./table.js";

describe("count table", () => {
  const table = buildTable(
    ["SY", "AF"],
    ["male", "female", "unknown"],
    [
      [10, 4, 0],
      [7, 2, 1],
    ],
  );

  it("computes row, column and grand totals into the grid", () => {
    expect(table.grid).toEqual([
      [10, 4, 0, 14],
      [7, 2, 1, 10],
      [17, 6, 1, 24],
    ]);
    expect(cellValue(table, { row: 2, column: 3 })).toBe(24);
    expect(allCells(table)).toHaveLength(12);
  });

  it("lists one relation per row and per column, totals included", () => {
    const relations = linearRelations(table);
    expect(relations).toHaveLength(3 + 4);
    for (const members of relations) {
      const values = members.map((ref) => cellValue(table, ref));
      const total = values.pop() ?? 0;
      expect(values.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it("builds the same table from keyed records", () => {
    const fromRecords = tableFromRecords(
      ["SY", "AF"],
      ["male", "female", "unknown"],
      [
        { row: "SY", column: "male", count: 6 },
        { row: "SY", column: "male", count: 4 },
        { row: "SY", column: "female", count: 4 },
        { row: "AF", column: "male", count: 7 },
        { row: "AF", column: "female", count: 2 },
        { row: "AF", column: "unknown", count: 1 },
      ],
    );
    expect(fromRecords).toEqual(table);
  });

  it("takes a table without rows as a valid table of zero totals, which protection leaves alone", () => {
    const empty = tableFromRecords([], [], []);
    expect(empty.grid).toEqual([[0]]);
    const onlyColumns = buildTable([], ["M", "F"], []);
    expect(onlyColumns.grid).toEqual([[0, 0, 0]]);
    const published = protectTable(onlyColumns, { audience: "public", round: true });
    expect(published.grandTotal).toEqual({ value: 0, flag: "" });
    expect(published.cells).toEqual([]);
  });

  it("round-trips cell keys", () => {
    expect(parseCellKey(cellKey({ row: 3, column: 7 }))).toEqual({ row: 3, column: 7 });
  });

  it("rejects malformed input", () => {
    expect(() => buildTable([], ["a"], [[1]])).toThrow(RangeError);
    expect(() => buildTable(["a"], ["x"], [[-1]])).toThrow(RangeError);
    expect(() => buildTable(["a"], ["x"], [[1.5]])).toThrow(RangeError);
    expect(() => buildTable(["a"], ["x", "y"], [[1]])).toThrow(RangeError);
    expect(() => buildTable(["a", "a"], ["x"], [[1], [2]])).toThrow(RangeError);
    expect(() => tableFromRecords(["a"], ["x"], [{ row: "b", column: "x", count: 1 }])).toThrow(RangeError);
    expect(() => cellValue(buildTable(["a"], ["x"], [[1]]), { row: 5, column: 0 })).toThrow(RangeError);
  });
});
