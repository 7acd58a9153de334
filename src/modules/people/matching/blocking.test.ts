import { describe, expect, it } from "vitest";
import { candidatePairs, pairsCompleteness, reductionRatio } from "./blocking.js";

interface Row {
  name: string;
  year: string;
}
const byName = (row: Row) => row.name.charAt(0);
const byYear = (row: Row) => row.year;

describe("blocking", () => {
  const left: Row[] = [
    { name: "anna", year: "1980" },
    { name: "boris", year: "1990" },
  ];
  const right: Row[] = [
    { name: "ana", year: "1980" },
    { name: "poris", year: "1990" },
    { name: "carl", year: "" },
  ];

  it("takes the union of the keys' pairs, each pair once", () => {
    const pairs = candidatePairs(left, right, [byName, byYear]);
    const listed = Array.from(pairs.left, (i, p) => [i, pairs.right[p]]);
    // anna/ana share both keys but come once; a typo in boris's first letter is caught by the year.
    expect(listed).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(candidatePairs(left, right, [byName]).count).toBe(1);
  });

  it("pairs a list with itself once per unordered pair, never a record with itself", () => {
    const rows: Row[] = [
      { name: "anna", year: "1980" },
      { name: "ana", year: "1980" },
      { name: "alan", year: "1970" },
    ];
    const pairs = candidatePairs(rows, undefined, [byName]);
    expect(Array.from(pairs.left, (i, p) => [i, pairs.right[p]])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(reductionRatio(pairs.count, rows.length)).toBe(0);
  });

  it("measures pairs-completeness and the reduction ratio", () => {
    const pairs = candidatePairs(left, right, [byName]);
    expect(
      pairsCompleteness(pairs, [
        [0, 0],
        [1, 1],
      ]),
    ).toBe(0.5);
    expect(reductionRatio(pairs.count, 2, 3)).toBeCloseTo(5 / 6, 12);
  });
});
