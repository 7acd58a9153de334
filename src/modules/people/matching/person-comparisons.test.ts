import { describe, expect, it } from "vitest";
import { candidatePairs } from "./blocking.js";
import { MISSING_LEVEL } from "./fellegi-sunter.js";
import { plainNameNormaliser } from "./normalise.js";
import { personBlockingKeys, personComparisons, preparePerson } from "./person-comparisons.js";
import { soundex } from "./soundex.js";

const levelsOf = (a: Parameters<typeof preparePerson>[0], b: Parameters<typeof preparePerson>[0]) =>
  Object.fromEntries(
    personComparisons.map((field) => [field.name, field.compare(preparePerson(a), preparePerson(b))]),
  );

describe("person comparisons", () => {
  it("normalises names plainly: case, diacritics, punctuation", () => {
    expect(plainNameNormaliser("  Şəmsi-Çələbi  O'Neill ")).toBe("səmsi cələbi oneill");
    expect(plainNameNormaliser("Müller")).toBe("muller");
  });

  it("codes names with Soundex", () => {
    expect(["Robert", "Rupert", "Ashcraft", "Tymczak", "Pfister", "Lee"].map(soundex)).toEqual([
      "R163",
      "R163",
      "A261",
      "T522",
      "P236",
      "L000",
    ]);
  });

  it("grades every field, missing when a side is unknown", () => {
    const levels = levelsOf(
      { givenName: "Aysel", surname: "Mammadova", dateOfBirth: "1990-04-07", documentNumber: "AA1234567" },
      { givenName: "Aysal", surname: "Mammadova", dateOfBirth: "1990-07-04", documentNumber: "AA1243567" },
    );
    expect(levels).toMatchObject({
      // Jaro-Winkler of aysel/aysal: 0.907.
      "given name": 1,
      surname: 3,
      "date of birth": 3,
      "document number": 1,
      sex: MISSING_LEVEL,
    });
    // Jaro-Winkler 0.978 (close), 0.893 (similar).
    expect(levelsOf({ surname: "Mammadova" }, { surname: "Mamadova" }).surname).toBe(2);
    expect(levelsOf({ surname: "Smith" }, { surname: "Smyth" }).surname).toBe(1);
    expect(levelsOf({ givenName: "Jon" }, { givenName: "Ivan" })["given name"]).toBe(0);
  });

  it("compares swapped given name and surname crosswise, never one name alone", () => {
    const swapped = levelsOf(
      { givenName: "Chloe", surname: "Ryan" },
      { givenName: "Ryna", surname: "Chloe" },
    );
    expect([swapped["given name"], swapped.surname]).toEqual([3, 1]);
    const oneAlone = levelsOf(
      { givenName: "Ryan", surname: "Ryan" },
      { givenName: "Ryan", surname: "Chloe" },
    );
    expect([oneAlone["given name"], oneAlone.surname]).toEqual([3, 0]);
  });

  it("blocks a pair whose names are swapped and whose date is mistyped", () => {
    const a = [preparePerson({ givenName: "Elton", surname: "Brown", dateOfBirth: "19651013" })];
    const b = [preparePerson({ givenName: "Brown", surname: "Elton", dateOfBirth: "19651031" })];
    expect(candidatePairs(a, b, personBlockingKeys).count).toBe(1);
  });

  it("reads names with the normaliser and phonetic key it is given", () => {
    const reading = {
      normalise: (name: string) => name.toUpperCase(),
      phoneticKey: (name: string) => name.slice(0, 2),
    };
    const person = preparePerson({ givenName: "Aysel", surname: "Mammadova" }, reading);
    expect(person).toMatchObject({ givenName: "AYSEL", givenKey: "AY", surnameKey: "MA" });
  });
});
