import { describe, expect, it } from "vitest";
import type { FellegiSunterModel } from "./fellegi-sunter.js";
import { type FieldComparison, linkRecords } from "./link-records.js";

interface Row {
  name: string;
  born: string;
}
const comparisons: FieldComparison<Row>[] = [
  { name: "name", levels: 2, compare: (a, b) => (a.name === b.name ? 1 : 0) },
  { name: "born", levels: 2, compare: (a, b) => (a.born === b.born ? 1 : 0) },
];
// Agreement on a field weighs log2(9) ≈ 3.17, disagreement −3.17.
const model: FellegiSunterModel = {
  m: [
    [0.1, 0.9],
    [0.1, 0.9],
  ],
  u: [
    [0.9, 0.1],
    [0.9, 0.1],
  ],
  matchProportion: 0.5,
};
const everything = () => "all";

describe("linkRecords", () => {
  it("puts each pair in a band by the two thresholds", () => {
    const left: Row[] = [{ name: "ali", born: "1980" }];
    const right: Row[] = [
      { name: "ali", born: "1980" },
      { name: "ali", born: "1990" },
      { name: "vali", born: "1990" },
    ];
    const result = linkRecords(left, right, {
      keys: [everything],
      comparisons,
      model,
      thresholds: { link: 5, review: -1 },
    });
    expect(result.pairs.map(({ right: j, band }) => [j, band])).toEqual([
      [0, "link"],
      [1, "review"],
      [2, "new"],
    ]);
    expect(result.pairs[0]?.score).toBeCloseTo(2 * Math.log2(9), 12);
    // Right records are numbered after the left ones.
    expect(result.clusters).toEqual([[0, 1], [2], [3]]);
  });

  it("gathers links into clusters through shared records", () => {
    const rows: Row[] = [
      { name: "ali", born: "1980" },
      { name: "leyla", born: "1975" },
      { name: "ali", born: "1980" },
      { name: "ali", born: "1980" },
    ];
    const result = linkRecords(rows, undefined, {
      keys: [(row) => row.name],
      comparisons,
      model,
      thresholds: { link: 5, review: 0 },
    });
    expect(result.candidateCount).toBe(3);
    expect(result.clusters).toEqual([[0, 2, 3], [1]]);
  });

  it("links each record once when asked, sending the weaker rival to review", () => {
    const left: Row[] = [{ name: "ali", born: "1980" }];
    const right: Row[] = [
      { name: "ali", born: "1981" },
      { name: "ali", born: "1980" },
    ];
    const options = { keys: [everything], comparisons, model, thresholds: { link: -1, review: -5 } };
    const both = linkRecords(left, right, options);
    expect(both.pairs.filter((pair) => pair.band === "link")).toHaveLength(2);
    const once = linkRecords(left, right, { ...options, oneToOne: true });
    expect(once.pairs.map(({ right: j, band }) => [j, band])).toEqual([
      [1, "link"],
      [0, "review"],
    ]);
  });

  it("estimates the weights from the candidate pairs when none are given", () => {
    const left: Row[] = Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`, born: `${1950 + i}` }));
    const right: Row[] = left.map((row, i) => (i % 10 === 0 ? { ...row, born: "?" } : row));
    const result = linkRecords(left, right, {
      keys: [everything],
      comparisons,
      thresholds: { link: 3, review: 0 },
      oneToOne: true,
    });
    const links = result.pairs.filter((pair) => pair.band === "link");
    expect(links.map((pair) => pair.left - pair.right)).toEqual(links.map(() => 0));
    expect(links).toHaveLength(40);
  });
});
