import { describe, expect, it } from "vitest";
import { CaseTypeRegistry, InvalidCaseTypeError, personsOfAnswers } from "../../cases/index.js";
import { caseTypeDefinitions } from "../index.js";

const registry = new CaseTypeRegistry(caseTypeDefinitions);
const definition = (code: string) => {
  const found = registry.current().find((one) => one.code === code);
  if (!found) throw new Error(`no case type ${code}`);
  return found;
};

describe("the persons the permit procedures are about", () => {
  it.each([
    ["stay-registration", ["guest"]],
    ["stay-extension", ["applicant"]],
    ["temporary-residence-permit", ["applicant", "family-member"]],
    ["permanent-residence-permit", ["applicant", "family-member"]],
    ["work-permit", ["worker"]],
  ])("%s declares %j", (code, roles) => {
    expect(definition(code).persons?.map((person) => person.role)).toEqual(roles);
  });

  it("stops the start when a declared answer is no question of the form", () => {
    const [first] = caseTypeDefinitions;
    const broken = { ...first, version: 99, persons: [{ role: "guest" as const, fullName: "guestName" }] };
    expect(() => new CaseTypeRegistry([broken as NonNullable<typeof first>])).toThrow(InvalidCaseTypeError);
    expect(() => new CaseTypeRegistry([broken as NonNullable<typeof first>])).toThrow(
      /persons: guest fullName guestName is not a question of the form/,
    );
  });

  it("reads the guest of a stay registration from the host's answers", () => {
    const persons = personsOfAnswers(definition("stay-registration"), {
      guestFullName: " Ivan Petrov ",
      guestBirthDate: "1984-11-02",
      guestCitizenship: "RU",
      guestPassportNumber: "751234567",
      hostName: "Hotel Qafqaz",
    });
    expect(persons).toEqual([
      {
        role: "guest",
        slot: 0,
        occurrence: {
          fullName: "Ivan Petrov",
          birthDate: "1984-11-02",
          citizenship: "RU",
          document: { number: "751234567", type: "passport" },
        },
      },
    ]);
  });

  it("reads the relative only while the family ground is chosen", () => {
    const answers = {
      fullName: "Aysel Quliyeva",
      birthDate: "1995-03-04",
      citizenship: "GE",
      passportNumber: "GE1234567",
      ground: "family",
      relativeName: "Rauf Quliyev",
      relationship: "spouse",
    };
    const onFamilyGround = personsOfAnswers(definition("temporary-residence-permit"), answers);
    expect(onFamilyGround.map((person) => [person.role, person.slot, person.occurrence.fullName])).toEqual([
      ["applicant", 0, "Aysel Quliyeva"],
      ["family-member", 0, "Rauf Quliyev"],
    ]);
    expect(onFamilyGround[1]?.relationship).toBe("spouse");
    const onWorkGround = personsOfAnswers(definition("temporary-residence-permit"), {
      ...answers,
      ground: "work",
    });
    expect(onWorkGround.map((person) => person.role)).toEqual(["applicant"]);
  });
});
