import { describe, expect, it } from "vitest";
import { CaseTypeRegistry, checkAnswers, personsOfAnswers } from "../../cases/index.js";
import { type AsylumLaw, loadAsylumLaw } from "../asylum-law.js";
import { asylumAnswers, familyAnswers } from "../test-support/asylum-answers.js";
import { asylum, asylumCaseType } from "./asylum.js";

const definition = new CaseTypeRegistry([asylum]).get("asylum", 1);
const az = loadAsylumLaw("AZ");

describe("the asylum case type", () => {
  it("is valid, registered by officers only, and its special categories are restricted", () => {
    expect(definition.applicants).toEqual(["staff"]);
    expect(definition.access?.sensitive?.answers).toEqual([
      "healthConditions",
      "religion",
      "ethnicity",
      "vulnerabilities",
    ]);
    expect(definition.fee.amountMinor).toBe(0);
  });

  it("offers only the statuses the country's law grants, each with its official category", () => {
    expect(definition.outcomes.map((outcome) => outcome.code)).toEqual(["refugee-status", "rejected"]);
    expect(definition.statistics?.outcomes).toEqual({ "refugee-status": "GENCONV", rejected: "REJECTED" });
    const all: AsylumLaw = {
      ...az,
      outcomes: {
        "refugee-status": az.outcomes["refugee-status"],
        "subsidiary-protection": { ...az.outcomes["subsidiary-protection"], granted: true },
        "humanitarian-status": { ...az.outcomes["humanitarian-status"], granted: true },
      },
    };
    const wider = new CaseTypeRegistry([asylumCaseType(all)]).get("asylum", 1);
    expect(wider.statistics?.outcomes).toEqual({
      "refugee-status": "GENCONV",
      "subsidiary-protection": "SUB_PROT",
      "humanitarian-status": "HUMSTAT",
      rejected: "REJECTED",
    });
  });

  it("names states of its own workflow for the appeal", () => {
    for (const state of definition.statistics?.appeal?.states ?? [])
      expect(definition.states[state]).toBeDefined();
  });

  it("accepts a stateless applicant without citizenship or document, and asks the guardian of an unaccompanied minor", () => {
    const stateless = asylumAnswers({ stateless: "yes", citizenship: undefined, hasDocument: "no" });
    delete stateless.citizenship;
    delete stateless.documentNumber;
    expect(checkAnswers(definition, stateless, "2026-03-01").problems).toEqual([]);
    const minor = asylumAnswers({ birthDate: "2010-05-01", unaccompaniedMinor: "yes" });
    expect(checkAnswers(definition, minor, "2026-03-01").problems.map((problem) => problem.field)).toEqual([
      "guardianName",
    ]);
  });

  it("declares the applicant and each family member named to the person register", () => {
    const persons = personsOfAnswers(definition, familyAnswers());
    expect(persons.map(({ role, slot, relationship }) => ({ role, slot, relationship }))).toEqual([
      { role: "applicant", slot: 0 },
      { role: "family-member", slot: 0, relationship: "spouse" },
      { role: "family-member", slot: 1, relationship: "child" },
    ]);
    expect(persons[0]?.occurrence).toEqual({
      givenNames: "Omar",
      familyName: "Haddad",
      birthDate: "1988-04-12",
      sex: "M",
      citizenship: "SY",
      document: { number: "N01234567", type: "travel-document" },
    });
    // A member left over from a larger count chosen before is no person of the case.
    const fewer = personsOfAnswers(definition, familyAnswers({ familyMemberCount: "1" }));
    expect(fewer.map((person) => person.role)).toEqual(["applicant", "family-member"]);
  });
});
