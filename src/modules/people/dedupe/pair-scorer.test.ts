import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelWeights } from "../matching/fellegi-sunter.js";
import { ValueWeights } from "../matching/name-frequency.js";
import type { PreparedPerson } from "../matching/person-comparisons.js";
import { nameOfOccurrence } from "../register/occurrence.js";
import {
  compareProfiles,
  defaultRegisterModel,
  type MatchProfile,
  registerComparisons,
} from "../register/scoring.js";
import { comparablePerson, dateLevel, documentLevel, PairScorer, scorePair } from "./pair-scorer.js";

const name = (givenNames: string, familyName: string) =>
  nameOfOccurrence({ givenNames, familyName }) as MatchProfile["names"][number];

const profiles: MatchProfile[] = [
  {
    id: "a",
    birthDate: "1980-05-12",
    sex: "M",
    citizenships: ["AZ", "RU"],
    names: [name("Əli", "Məmmədov"), name("Али", "Мамедов")],
    documentNumbers: ["C12345678", "AA7654321"],
  },
  {
    id: "b",
    birthDate: "1980-12-05",
    sex: "M",
    citizenships: ["RU"],
    names: [name("ALI", "MAMMADOV")],
    documentNumbers: [],
  },
  {
    id: "c",
    birthDate: "1980",
    sex: null,
    citizenships: [],
    names: [name("Mammadov", "Ali")],
    documentNumbers: ["C12345678"],
  },
  {
    id: "d",
    birthDate: null,
    sex: "F",
    citizenships: ["GE", "AZ"],
    names: [],
    documentNumbers: ["C12345687"],
  },
  {
    id: "e",
    birthDate: "1980-05",
    sex: "M",
    citizenships: ["AZ"],
    names: [name("Əli", "Əliyev")],
    documentNumbers: ["AA7654321"],
  },
];

describe("scorePair", () => {
  it("scores every pair as compareProfiles does, levels included, in both orders", () => {
    const weights = levelWeights(defaultRegisterModel);
    for (const a of profiles) {
      for (const b of profiles) {
        if (a === b) continue;
        const expected = compareProfiles(a, b, weights);
        const scored = scorePair(comparablePerson(a), comparablePerson(b), weights);
        expect({ pair: `${a.id}-${b.id}`, score: scored.score, levels: scored.levels }).toEqual({
          pair: `${a.id}-${b.id}`,
          score: expected.score,
          levels: expected.levels,
        });
      }
    }
  });
});

/** Values from small pools, so that random pairs agree, nearly agree and swap as often as they differ. */
const givenPool = ["Əli", "Али", "ALI", "Aliy", "Elvin", "Эльвин", "Leyla", "Leila", "Məmməd", "Ayla"];
const familyPool = [
  "Məmmədov",
  "Мамедов",
  "MAMMADOV",
  "Mammadv",
  "Əliyev",
  "Алиев",
  "Quliyev",
  "Kuliev",
  "Əli",
];
const datePool = [
  "1980-05-12",
  "1980-12-05",
  "1980-05-13",
  "1981-05-12",
  "1980-05",
  "1980",
  "1981",
  "1980-06",
];
const documentPool = ["C12345678", "C12345687", "C12345679", "AA7654321", "C1234567"];

const arbitraryName = fc
  .record({
    given: fc.option(fc.constantFrom(...givenPool)),
    family: fc.option(fc.constantFrom(...familyPool)),
    full: fc.boolean(),
  })
  .map(({ given, family, full }) =>
    nameOfOccurrence(
      full && given && family
        ? { fullName: `${given} ${family}` }
        : { givenNames: given ?? undefined, familyName: family ?? undefined },
    ),
  )
  .filter((one): one is MatchProfile["names"][number] => one !== undefined);

const arbitraryProfile = fc.record({
  id: fc.uuid(),
  birthDate: fc.option(fc.constantFrom(...datePool)),
  sex: fc.option(fc.constantFrom("M", "F")),
  citizenships: fc.array(fc.constantFrom("AZ", "RU", "GE"), { maxLength: 2 }),
  names: fc.array(arbitraryName, { maxLength: 2 }),
  documentNumbers: fc.array(fc.constantFrom(...documentPool), { maxLength: 2 }),
});

/** Weights with a different value at every level, so that any wrong level changes the score. */
const arbitraryWeights = fc.tuple(
  ...registerComparisons.map((comparison) =>
    fc.array(fc.double({ min: -20, max: 20, noNaN: true }), {
      minLength: comparison.levels,
      maxLength: comparison.levels,
    }),
  ),
);

describe("PairScorer", () => {
  it("gives the score and levels of scorePair on random persons, with and without value frequencies", () => {
    const counts = new Map([
      ["ali", 40],
      ["mammadov", 30],
      ["elvin", 3],
    ]);
    const dateCounts = new Map([
      ["1980-05-12", 2],
      ["1980-05", 10],
      ["1980", 40],
      ["1981", 20],
    ]);
    fc.assert(
      fc.property(
        arbitraryProfile,
        arbitraryProfile,
        arbitraryWeights,
        fc.boolean(),
        (a, b, weights, withNames) => {
          const names = withNames
            ? {
                given: new ValueWeights(counts, 100, 0.8, weights[0]?.[3] ?? 0),
                family: new ValueWeights(counts, 100, 0.7, weights[1]?.[3] ?? 0),
                birthDate: {
                  same: new ValueWeights(dateCounts, 100, 0.9, weights[2]?.[4] ?? 0),
                  compatible: new ValueWeights(dateCounts, 100, 0.9, weights[2]?.[1] ?? 0),
                },
              }
            : undefined;
          const expected = scorePair(comparablePerson(a), comparablePerson(b), weights, names);
          const scorer = new PairScorer(weights, names);
          const score = scorer.score(scorer.person(a), scorer.person(b));
          expect({ score, levels: scorer.levels }).toEqual(expected);
          // A second time from the scorer's caches.
          expect(scorer.score(scorer.person(a), scorer.person(b))).toBe(expected.score);
        },
      ),
      { numRuns: 600 },
    );
  });

  it("compares dates and documents as the matcher's comparisons do", () => {
    const [date, document] = ["date of birth", "document number"].map(
      (field) =>
        registerComparisons.find(
          (comparison) => comparison.name === field,
        ) as (typeof registerComparisons)[number],
    );
    const arbitraryDate = fc.oneof(
      fc.constantFrom(...datePool),
      fc
        .record({
          year: fc.integer({ min: 1, max: 9999 }),
          month: fc.integer({ min: 0, max: 12 }),
          day: fc.integer({ min: 0, max: 31 }),
        })
        .map(({ year, month, day }) =>
          [
            String(year).padStart(4, "0"),
            month ? String(month).padStart(2, "0") : "",
            month && day ? String(day).padStart(2, "0") : "",
          ]
            .filter(Boolean)
            .join("-"),
        ),
    );
    const arbitraryDocument = fc.oneof(
      fc.constantFrom(...documentPool, ""),
      fc.stringMatching(/^[A-C0-3]{0,5}$/),
    );
    fc.assert(
      fc.property(
        arbitraryDate,
        arbitraryDate,
        arbitraryDocument,
        arbitraryDocument,
        (dateA, dateB, documentA, documentB) => {
          const scorer = new PairScorer(levelWeights(defaultRegisterModel));
          const profile = (birthDate: string, number: string): MatchProfile => ({
            id: birthDate,
            birthDate,
            sex: null,
            citizenships: [],
            names: [],
            documentNumbers: number ? [number] : [],
          });
          const a = scorer.person(profile(dateA, documentA));
          const b = scorer.person(profile(dateB, documentB));
          const [viewA, viewB] = [a.views[0], b.views[0]] as [PreparedPerson, PreparedPerson];
          expect(dateLevel(a.date, b.date)).toBe(date?.compare(viewA, viewB));
          expect(documentLevel(a.documents[0] as string, b.documents[0] as string)).toBe(
            document?.compare(viewA, viewB),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
