import { describe, expect, it } from "vitest";
import { nameMatches, readReviewSearch } from "./list-review-items.js";
import { readPersonSearch } from "./search/form.js";

describe("the review queue's search box", () => {
  it("reads a date as a birth date, anything with a digit as a document, the rest as a name", () => {
    expect(readReviewSearch("  ")).toEqual({ kind: "none" });
    expect(readReviewSearch("01.05.1990")).toEqual({ kind: "birthDate", value: "1990-05-01" });
    expect(readReviewSearch("1.5.1990")).toEqual({ kind: "birthDate", value: "1990-05-01" });
    expect(readReviewSearch("1990-05")).toEqual({ kind: "birthDate", value: "1990-05" });
    expect(readReviewSearch("1990")).toEqual({ kind: "birthDate", value: "1990" });
    expect(readReviewSearch("c 123-456")).toEqual({ kind: "document", value: "C123456" });
    expect(readReviewSearch("32.13.1990")).toEqual({ kind: "document", value: "32131990" });
    expect(readReviewSearch(" Эльвин   Мамедов ")).toEqual({ kind: "name", value: "Эльвин Мамедов" });
  });
});

describe("the review queue's name search", () => {
  it("finds a name by any spelling through its comparable key, and a part of the name as written", () => {
    for (const written of ["Elvin Məmmədov", "Эльвин Мамедов", "ELVIN MAMMADOV", "Елвин Мәммәдов"]) {
      for (const search of ["Мамедов", "Mammadov", "Məmmədov", "məmməd", "Elvin Mamedov", "мамедов эльвин"]) {
        expect(nameMatches(written, search), `${written} / ${search}`).toBe(true);
      }
      for (const search of ["Həsənov", "Mahmudov", "Elvin Əliyev", "Məmmədova"]) {
        expect(nameMatches(written, search), `${written} / ${search}`).toBe(false);
      }
    }
    expect(nameMatches("Gülnarə Əliyeva", "liye")).toBe(true);
    expect(nameMatches("Gülnarə Əliyeva", "!!")).toBe(false);
  });
});

describe("the person search form", () => {
  it("asks for a key the register can look up, never a scan", () => {
    expect(readPersonSearch({}).kind).toBe("empty");
    expect(readPersonSearch({ name: "Mamedov" })).toMatchObject({
      kind: "invalid",
      problem: { field: "name", code: "too_vague" },
    });
    // One name with only a year: the register keys a name with its year by both name parts.
    expect(readPersonSearch({ name: "Mamedov", birthDate: "1990" })).toMatchObject({
      kind: "invalid",
      problem: { field: "name", code: "too_vague" },
    });
    expect(readPersonSearch({ name: "Mamedov", birthDate: "01.05.1990" })).toMatchObject({ kind: "ready" });
    expect(readPersonSearch({ name: "Elvin Mamedov", birthDate: "1990" })).toMatchObject({ kind: "ready" });
    expect(readPersonSearch({ name: "Elvin Mamedov" })).toMatchObject({ kind: "ready", readAs: ["name"] });
    expect(readPersonSearch({ document: "U 123 4567" })).toMatchObject({
      kind: "ready",
      readAs: ["document"],
    });
    expect(readPersonSearch({ birthDate: "01.05.1990" })).toMatchObject({
      kind: "ready",
      occurrence: { birthDate: "1990-05-01" },
    });
  });

  it("points at the birth date when it is not a date", () => {
    expect(readPersonSearch({ name: "Elvin Mamedov", birthDate: "May 1990" })).toMatchObject({
      kind: "invalid",
      problem: { field: "birthDate", code: "birth_date_invalid" },
      form: { name: "Elvin Mamedov", birthDate: "May 1990", document: "" },
    });
  });
});
