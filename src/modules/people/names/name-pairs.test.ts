import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { personComparisons, preparePerson } from "../matching/person-comparisons.js";
import { crossScriptNameReading } from "./cross-script-reading.js";

/**
 * Real spellings of Azerbaijani names (test/fixtures/people/name-pairs.csv): each pair is one name
 * in Azerbaijani Latin against its Russian, Azerbaijani Cyrillic, passport (ICAO, from the Latin or
 * from a Russian passport) or English spelling, or against a different name that looks alike. The
 * name comparison is the matcher's own: the surname field of `personComparisons` on names read with
 * `crossScriptNameReading`. Its levels are equal (3), close (2), similar (1) and different (0).
 */

const sources = new Set(["ru", "az-cyrl", "icao-az", "icao-ru", "en", "az-latn"]);

interface NamePair {
  left: string;
  right: string;
  same: boolean;
  source: string;
}

function namePairs(): NamePair[] {
  const text = readFileSync(
    new URL("../../../../test/fixtures/people/name-pairs.csv", import.meta.url),
    "utf8",
  );
  const [header, ...lines] = text.trim().split("\n");
  expect(header).toBe("left,right,same,source");
  return lines.map((line) => {
    const [left = "", right = "", same = "", source = ""] = line.split(",");
    expect([same, sources.has(source)], line).toEqual([same === "yes" ? "yes" : "no", true]);
    return { left, right, same: same === "yes", source };
  });
}

const nameField = personComparisons.find((comparison) => comparison.name === "surname");

function level(pair: NamePair): number {
  if (!nameField) throw new Error("personComparisons has no surname field");
  return nameField.compare(
    preparePerson({ surname: pair.left }, crossScriptNameReading),
    preparePerson({ surname: pair.right }, crossScriptNameReading),
  );
}

/** Precision and recall when pairs at `minimum` level or above are taken for the same name. */
function measure(pairs: readonly NamePair[], minimum: number) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const pair of pairs) {
    const predicted = level(pair) >= minimum;
    if (pair.same && predicted) truePositives += 1;
    else if (pair.same) falseNegatives += 1;
    else if (predicted) falsePositives += 1;
  }
  return {
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
  };
}

describe("the name comparison on real cross-script name pairs", () => {
  const pairs = namePairs();

  it("has at least 60 pairs of one name in two spellings, from every spelling system, and look-alikes", () => {
    const same = pairs.filter((pair) => pair.same);
    expect(same.length).toBeGreaterThanOrEqual(60);
    expect(new Set(same.map((pair) => pair.source))).toEqual(
      new Set(["ru", "az-cyrl", "icao-az", "icao-ru", "en"]),
    );
    expect(pairs.filter((pair) => !pair.same).length).toBeGreaterThanOrEqual(30);
  });

  // Floors are the measured figures rounded down (docs/people-link.md): a change to the tables or
  // the keys that loses a pair fails here.
  it.each([
    { minimum: 1, label: "similar or better", precision: 0.8, recall: 1 },
    { minimum: 2, label: "close or equal", precision: 0.97, recall: 0.92 },
    { minimum: 3, label: "equal", precision: 1, recall: 0.91 },
  ])("keeps precision and recall at $label", ({ minimum, precision, recall }) => {
    const measured = measure(pairs, minimum);
    expect(measured.precision).toBeGreaterThanOrEqual(precision);
    expect(measured.recall).toBeGreaterThanOrEqual(recall);
  });

  it("finds no spelling of a name different from it", () => {
    expect(
      pairs.filter((pair) => pair.same && level(pair) === 0).map((pair) => `${pair.left}/${pair.right}`),
    ).toEqual([]);
  });
});
