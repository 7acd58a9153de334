import { describe, expect, it } from "vitest";
import { levelWeights } from "../matching/fellegi-sunter.js";
import { nameOfOccurrence } from "../register/occurrence.js";
import { compareProfiles, defaultRegisterModel, type MatchProfile } from "../register/scoring.js";
import { comparablePerson, scorePair } from "./pair-scorer.js";

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
