import { describe, expect, it } from "vitest";
import { scoreAgainstEntry, type WatchedPerson, watchListKeys } from "./watch-list-score.js";

const banned: WatchedPerson = {
  names: ["Мамедов Эльвин"],
  birthDate: "1990-05-01",
  sex: null,
  citizenships: [],
  documentNumbers: [],
};

function person(names: string[], birthDate: string | null): WatchedPerson {
  return { names, birthDate, sex: "M", citizenships: ["AZE"], documentNumbers: ["C01234567"] };
}

const defaultThreshold = 12;

describe("a watch-list score", () => {
  it("catches the Azerbaijani Latin spelling of a name listed in Russian, names in either order", () => {
    const latin = scoreAgainstEntry(person(["Məmmədov Elvin"], "1990-05-01"), banned);
    const swapped = scoreAgainstEntry(person(["Elvin Mammadov"], "1990-05-01"), banned);
    expect(latin.score).toBeGreaterThanOrEqual(defaultThreshold);
    expect(swapped.score).toBeGreaterThanOrEqual(defaultThreshold);
    expect(latin.fields).toContainEqual(expect.objectContaining({ field: "surname", level: "equal" }));
    expect(latin.fields).toContainEqual(expect.objectContaining({ field: "date of birth", level: "exact" }));
    expect(latin.fields).toContainEqual(
      expect.objectContaining({ field: "sex", level: "missing", weight: 0 }),
    );
  });

  it("keeps another person clear: another name on the same day, the same name on another day", () => {
    expect(scoreAgainstEntry(person(["Əliyev Rəşad"], "1990-05-01"), banned).score).toBeLessThan(
      defaultThreshold,
    );
    expect(scoreAgainstEntry(person(["Məmmədov Elvin"], "1975-11-23"), banned).score).toBeLessThan(
      defaultThreshold,
    );
  });

  it("shares a blocking key between the spellings, and none with an unrelated name", () => {
    const listed = new Set(watchListKeys(banned));
    expect(watchListKeys(person(["MAMMADOV ELVIN"], null)).some((key) => listed.has(key))).toBe(true);
    expect(watchListKeys(person(["Kərimova Nərgiz"], "1985-02-03")).some((key) => listed.has(key))).toBe(
      false,
    );
  });
});
