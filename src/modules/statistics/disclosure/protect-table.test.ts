import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { protectTable, suppressionPattern } from "./protect-table.js";
import { isRecomputable } from "./recomputable.js";
import { buildTable, cellKey } from "./table.js";

const returns = buildTable(
  ["SY", "AF", "IQ"],
  ["male", "female", "unknown"],
  [
    [120, 3, 40],
    [80, 60, 9],
    [50, 45, 72],
  ],
);

describe("protectTable", () => {
  it("shows internal users exact figures without flags, even when rounding is asked for", () => {
    const result = protectTable(returns, { audience: "internal", round: true });
    expect(result.cells[0]).toEqual([
      { value: 120, flag: "" },
      { value: 3, flag: "" },
      { value: 40, flag: "" },
    ]);
    expect(result.rowTotals).toEqual([
      { value: 163, flag: "" },
      { value: 149, flag: "" },
      { value: 167, flag: "" },
    ]);
    expect(result.grandTotal).toEqual({ value: 479, flag: "" });
    expect(result.hidden.size).toBe(0);
  });

  it("suppresses then rounds for the public, flagging withheld cells c", () => {
    const result = protectTable(returns, { audience: "public", round: true });
    expect(result.cells).toEqual([
      [
        { value: 120, flag: "" },
        { value: null, flag: "c" },
        { value: null, flag: "c" },
      ],
      [
        { value: 80, flag: "" },
        { value: null, flag: "c" },
        { value: null, flag: "c" },
      ],
      [
        { value: 50, flag: "" },
        { value: 45, flag: "" },
        { value: 70, flag: "" },
      ],
    ]);
    // Totals are rounded on their own: 163 -> 165, 149 -> 150, 167 -> 165, 479 -> 480.
    expect(result.rowTotals.map((cell) => cell.value)).toEqual([165, 150, 165]);
    expect(result.columnTotals.map((cell) => cell.value)).toEqual([250, 110, 120]);
    expect(result.grandTotal).toEqual({ value: 480, flag: "" });
    expect(isRecomputable(returns, result.hidden)).toEqual([]);
  });

  it("can publish exact figures with suppression only, and honour other thresholds and bases", () => {
    const exact = protectTable(returns, { audience: "public", round: false });
    expect(exact.cells[2]?.[2]).toEqual({ value: 72, flag: "" });
    expect(exact.cells[0]?.[1]).toEqual({ value: null, flag: "c" });

    const strict = protectTable(returns, { audience: "public", round: true, base: 10, minimum: 10 });
    expect(strict.cells[1]?.[2]).toEqual({ value: null, flag: "c" });
    expect(strict.grandTotal).toEqual({ value: 480, flag: "" });
  });

  it("shows zeros unless told to hide them", () => {
    const table = buildTable(
      ["a", "b"],
      ["x", "y"],
      [
        [0, 20],
        [15, 30],
      ],
    );
    expect(protectTable(table, { audience: "public", round: true }).cells[0]?.[0]).toEqual({
      value: 0,
      flag: "",
    });
    const hidingZeros = protectTable(table, { audience: "public", round: true, suppressZeros: true });
    expect(hidingZeros.cells[0]?.[0]).toEqual({ value: null, flag: "c" });
    expect(suppressionPattern(table, { suppressZeros: true }).size).toBeGreaterThanOrEqual(4);
  });

  it("keeps the labels so exports can write headers", () => {
    const result = protectTable(returns, { audience: "public", round: true });
    expect(result.rows).toEqual(["SY", "AF", "IQ"]);
    expect(result.columns).toEqual(["male", "female", "unknown"]);
  });
});

describe("protectTable on random tables", () => {
  it("withholds exactly the suppression pattern and rounds every shown figure to within half a base", () => {
    const table = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(fc.nat(40), { minLength: columns, maxLength: columns }), {
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
    fc.assert(
      fc.property(table, (generated) => {
        const result = protectTable(generated, { audience: "public", round: true });
        const pattern = suppressionPattern(generated);
        const published = [
          ...result.cells.map((line, row) => [...line, result.rowTotals[row]]),
          [...result.columnTotals, result.grandTotal],
        ];
        published.forEach((line, row) => {
          line.forEach((cell, column) => {
            const exact = generated.grid[row]?.[column] ?? Number.NaN;
            if (pattern.has(cellKey({ row, column }))) {
              expect(cell).toEqual({ value: null, flag: "c" });
            } else {
              expect(cell?.flag).toBe("");
              expect((cell?.value ?? 1) % 5).toBe(0);
              expect(Math.abs((cell?.value ?? Number.NaN) - exact)).toBeLessThanOrEqual(2);
              expect(exact === 0 || exact >= 5).toBe(true);
            }
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});
