import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelWeights } from "../matching/fellegi-sunter.js";
import { blockingKeysOf, matchViewOf, nameOfOccurrence } from "./occurrence.js";
import { defaultRegisterModel, type MatchProfile, scoreAgainst, scoreAgainstByViews } from "./scoring.js";

const weights = levelWeights(defaultRegisterModel);

function profileOf(fullName: string, fields: Partial<MatchProfile> = {}): MatchProfile {
  const name = nameOfOccurrence({ fullName });
  return {
    id: "p",
    birthDate: null,
    sex: null,
    citizenships: [],
    names: name ? [name] : [],
    documentNumbers: [],
    ...fields,
  };
}

describe("scoring an occurrence against a registered person", () => {
  it("sums log2(m/u) of the default model over the known fields", () => {
    const view = matchViewOf({ fullName: "Əli Məmmədov", birthDate: "1990-05-01", citizenship: "ru" });
    const scored = scoreAgainst(
      view,
      profileOf("Ali Mammadov", { birthDate: "1990-05-01", citizenships: ["RU"] }),
      weights,
    );
    // Both names equal (0.8 / 0.02), the date exact (0.87 / 0.0005), the citizenship equal (0.95 / 0.2);
    // sex and document unknown on one side: nothing.
    const expected = 2 * Math.log2(0.8 / 0.02) + Math.log2(0.87 / 0.0005) + Math.log2(0.95 / 0.2);
    expect(scored.score).toBeCloseTo(expected, 10);
    expect(scored.score).toBeCloseTo(23.66, 2);
    expect(scored.fields.map((field) => [field.field, field.agreement])).toEqual([
      ["given name", "equal"],
      ["surname", "equal"],
      ["date of birth", "exact"],
      ["sex", "missing"],
      ["citizenship", "equal"],
      ["document number", "missing"],
    ]);
  });

  it("weighs a date with day and month swapped and another document number", () => {
    const view = matchViewOf({
      fullName: "Mamedov Ali",
      birthDate: "1990-01-05",
      document: { number: "c 123 456" },
    });
    const profile = profileOf("Əli Məmmədov", { birthDate: "1990-05-01", documentNumbers: ["C999999"] });
    const scored = scoreAgainst(view, profile, weights);
    // The names in passport order compare crosswise: both equal.
    const expected = 2 * Math.log2(0.8 / 0.02) + Math.log2(0.01 / 0.0005) + Math.log2(0.15 / 0.9999);
    expect(scored.score).toBeCloseTo(expected, 10);
  });

  it("takes the best of a person's names and documents", () => {
    const view = matchViewOf({ fullName: "Leyla Həsənova", document: { number: "P1234567" } });
    const profile = profileOf("Leyla Quliyeva", {
      names: [
        nameOfOccurrence({ fullName: "Leyla Quliyeva" }),
        nameOfOccurrence({ fullName: "Лейла Гасанова" }),
      ].flatMap((name) => (name ? [name] : [])),
      documentNumbers: ["A0000001", "P1234567"],
    });
    const scored = scoreAgainst(view, profile, weights);
    expect(scored.fields.find((field) => field.field === "surname")?.agreement).toBe("equal");
    expect(scored.fields.find((field) => field.field === "document number")?.agreement).toBe("equal");
  });
});

/** Spellings that agree, differ, swap and go missing, so that every level and tie comes up. */
const spellings = [
  "Əli Məmmədov",
  "Ali Mammadov",
  "Али Мамедов",
  "MAMEDOV ALI",
  "Alli Mamadof",
  "Rəşad Əliyev",
  "Leyla",
  "Quliyeva",
];
const someDate = fc.constantFrom(
  null,
  "1990",
  "1990-05",
  "1990-05-01",
  "1990-01-05",
  "1991-05-01",
  "1990-05-11",
);
const someDocument = fc.constantFrom("C1234567", "c1234576", "C1243567", "P9", "X1");
const someCode = (codes: string[]) => fc.option(fc.constantFrom(...codes), { nil: undefined });
/** Weights with ties (a few values repeated), unordered levels, and now and then an infinite one. */
const someWeights = fc.oneof(
  fc.constant(weights),
  fc.array(
    fc.array(fc.oneof(fc.constantFrom(-4.5, 0, 5.3, 16.3), fc.double({ min: -30, max: 30, noNaN: true })), {
      minLength: 5,
      maxLength: 5,
    }),
    { minLength: 6, maxLength: 6 },
  ),
  fc.array(fc.array(fc.constantFrom(-Infinity, -1, 0, 2, Infinity), { minLength: 5, maxLength: 5 }), {
    minLength: 6,
    maxLength: 6,
  }),
);

describe("the best of a person's names and documents", () => {
  it("is what comparing every name with every document gives, score, levels and words alike", () => {
    fc.assert(
      fc.property(
        fc.record({
          fullName: fc.option(fc.constantFrom(...spellings), { nil: undefined }),
          birthDate: fc.option(someDate, { nil: undefined }),
          sex: someCode(["F", "M"]),
          citizenship: someCode(["RU", "AZ", "TR"]),
          document: fc.option(someDocument, { nil: undefined }),
        }),
        fc.record({
          names: fc.array(fc.constantFrom(...spellings), { maxLength: 4 }),
          birthDate: someDate,
          sex: fc.constantFrom(null, "F", "M"),
          citizenships: fc.uniqueArray(fc.constantFrom("RU", "AZ", "TR"), { maxLength: 3 }),
          documentNumbers: fc.array(someDocument, { maxLength: 4 }),
        }),
        someWeights,
        (occurrence, person, someWeights) => {
          const view = matchViewOf({
            ...occurrence,
            birthDate: occurrence.birthDate ?? undefined,
            document: occurrence.document ? { number: occurrence.document } : undefined,
          });
          const profile: MatchProfile = {
            id: "p",
            ...person,
            names: person.names.flatMap((fullName) => nameOfOccurrence({ fullName }) ?? []),
          };
          expect(scoreAgainst(view, profile, someWeights)).toEqual(
            scoreAgainstByViews(view, profile, someWeights),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("blocking keys of an occurrence", () => {
  it("are the same for one name across scripts and in either order", () => {
    const spellings = ["Əli Məmmədov", "Ali Mammadov", "Али Мамедов", "MAMEDOV ALI"];
    const keys = spellings.map((fullName) =>
      blockingKeysOf(matchViewOf({ fullName, birthDate: "1990-05-01" })),
    );
    for (const one of keys) expect(one).toEqual(keys[0]);
    expect(keys[0]).toEqual(["n:al|mdv", "ny:al|mdv:1990", "b:1990-05-01"]);
  });

  it("keep a document number apart from the name, so a misspelt name still finds it", () => {
    expect(
      blockingKeysOf(matchViewOf({ fullName: "Alli Mamadof", document: { number: "c-1234 567" } })),
    ).toContain("d:C1234567");
  });
});
