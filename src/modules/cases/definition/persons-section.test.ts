import { describe, expect, it } from "vitest";
import { personsSectionProblems, personsSectionSchema } from "./persons-section.js";

const questions = [
  { name: "fullName", kind: "text" },
  { name: "birthDate", kind: "date" },
  { name: "citizenship", kind: "country" },
  { name: "passportNumber", kind: "documentNumber" },
  { name: "relationship", kind: "radios" },
];

describe("the persons section of a case type", () => {
  it("accepts answers that exist and fit", () => {
    const section = personsSectionSchema.parse([
      {
        role: "applicant",
        fullName: "fullName",
        birthDate: "birthDate",
        citizenship: "citizenship",
        document: { number: "passportNumber", issuingState: "citizenship" },
      },
    ]);
    expect(section[0]?.document?.type).toBe("passport");
    expect(personsSectionProblems(section, questions)).toEqual([]);
  });

  it("names every answer that is no question of the form or of the wrong kind", () => {
    const section = personsSectionSchema.parse([
      { role: "applicant", fullName: "name", birthDate: "citizenship", document: { number: "relationship" } },
    ]);
    expect(personsSectionProblems(section, questions)).toEqual([
      "persons: applicant fullName name is not a question of the form",
      "persons: applicant birthDate citizenship is a country question, not date",
      "persons: applicant document number relationship is a radios question, not documentNumber or text",
    ]);
  });

  it("refuses a person with neither a name nor a document, and an unknown role", () => {
    expect(personsSectionSchema.safeParse([{ role: "applicant", birthDate: "birthDate" }]).success).toBe(
      false,
    );
    expect(personsSectionSchema.safeParse([{ role: "host", fullName: "fullName" }]).success).toBe(false);
  });
});
