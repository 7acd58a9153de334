import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { determinedCells, isRecomputable } from "./recomputable.js";
import { secondarySuppression } from "./secondary-suppression.js";
import { primarySuppression } from "./suppress-small-cells.js";
import { buildTable, type CellKey, type CountTable, cellKey, linearRelations } from "./table.js";

const sorted = (keys: Iterable<CellKey>) => [...keys].sort();

function protect(table: CountTable): Set<CellKey> {
  return secondarySuppression(table, primarySuppression(table));
}

/** The ESS rule stated directly: no row or column relation holds exactly one hidden member. */
function relationsWithOneHidden(table: CountTable, hidden: ReadonlySet<CellKey>): number {
  return linearRelations(table).filter(
    (members) => members.filter((ref) => hidden.has(cellKey(ref))).length === 1,
  ).length;
}

describe("secondarySuppression", () => {
  it("leaves a table with nothing to hide alone", () => {
    const table = buildTable(
      ["a", "b"],
      ["x", "y"],
      [
        [10, 20],
        [0, 30],
      ],
    );
    expect(sorted(protect(table))).toEqual([]);
  });

  it("hides the smallest complements in an ordinary table", () => {
    const table = buildTable(
      ["SY", "AF", "IQ"],
      ["male", "female", "unknown"],
      [
        [120, 3, 40],
        [80, 60, 9],
        [50, 45, 70],
      ],
    );
    // 0:1 (3) is primary; the cheapest cycle through it is 0:2 (40), 1:2 (9), 1:1 (60) = 109,
    // cheaper than e.g. 0:2, 2:2, 2:1 (40 + 70 + 45 = 155) or 0:0, 1:0, 1:1 (120 + 80 + 60).
    expect(sorted(protect(table))).toEqual(["0:1", "0:2", "1:1", "1:2"]);
  });

  it("protects a single-row table through the column totals, which equal the cells", () => {
    const table = buildTable(["all"], ["x", "y", "z"], [[3, 10, 20]]);
    expect(sorted(protect(table))).toEqual(["0:0", "0:1", "1:0", "1:1"]);
  });

  it("protects a single-column table through the row totals", () => {
    const table = buildTable(["a", "b", "c"], ["n"], [[3], [10], [20]]);
    expect(sorted(protect(table))).toEqual(["0:0", "0:1", "1:0", "1:1"]);
  });

  it("hides everything in a 1x1 table whose only complements are its totals", () => {
    const table = buildTable(["a"], ["x"], [[3]]);
    expect(sorted(protect(table))).toEqual(["0:0", "0:1", "1:0", "1:1"]);
  });

  it("takes a total as complement when the only interior alternative is a zero", () => {
    const table = buildTable(
      ["a", "b"],
      ["x", "y"],
      [
        [3, 20],
        [0, 30],
      ],
    );
    // grid [3,20,23] [0,30,30] [3,50,53]: 0:0 and its column total 2:0 are primary; hiding the zero 1:0
    // would protect nothing if readers know it is structural, so column y's total 2:1 is hidden instead.
    const hidden = protect(table);
    expect(sorted(hidden)).toEqual(["0:0", "0:1", "2:0", "2:1"]);
    expect(isRecomputable(table, hidden)).toEqual([]);
  });

  it("falls back to zeros when nothing else closes the cycle", () => {
    const table = buildTable(
      ["a", "b"],
      ["x", "y"],
      [
        [10, 0],
        [0, 0],
      ],
    );
    // A caller-chosen primary cell in an all-zero row and column: every cycle through it needs zeros.
    const hidden = secondarySuppression(table, new Set<CellKey>(["1:1"]));
    expect(hidden.has("1:1")).toBe(true);
    expect(determinedCells(table, hidden)).toEqual([]);
    expect(isRecomputable(table, hidden)).toEqual([]);
  });

  it("never removes a cell and is stable when run again", () => {
    const table = buildTable(
      ["a", "b", "c"],
      ["x", "y"],
      [
        [1, 40],
        [2, 50],
        [60, 70],
      ],
    );
    const once = protect(table);
    expect(sorted(secondarySuppression(table, once))).toEqual(sorted(once));
  });

  it("leaves no hidden cell derivable on random tables, and hides every primary cell", () => {
    const count = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 2000 }) },
    );
    const table = fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
      )
      .map((counts) =>
        buildTable(
          counts.map((_, i) => `r${i}`),
          (counts[0] ?? []).map((_, j) => `c${j}`),
          counts,
        ),
      );
    const options = fc.record({ minimum: fc.integer({ min: 1, max: 10 }), suppressZeros: fc.boolean() });
    fc.assert(
      fc.property(table, options, (generated, opts) => {
        const primary = primarySuppression(generated, opts);
        const hidden = secondarySuppression(generated, primary);
        for (const key of primary) expect(hidden.has(key)).toBe(true);
        expect(isRecomputable(generated, hidden)).toEqual([]);
        expect(determinedCells(generated, hidden)).toEqual([]);
        expect(relationsWithOneHidden(generated, hidden)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
