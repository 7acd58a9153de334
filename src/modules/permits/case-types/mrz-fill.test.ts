import { describe, expect, it } from "vitest";
import { CaseTypeRegistry } from "../../cases/index.js";
import { caseTypeDefinitions } from "../index.js";

const registry = new CaseTypeRegistry(caseTypeDefinitions);

/** The page asking for the person's passport details in each procedure, and its questions. */
const personPages = [
  [
    "stay-registration",
    "guest",
    ["guestFullName", "guestBirthDate", "guestCitizenship", "guestPassportNumber"],
  ],
  [
    "work-permit",
    "worker",
    ["workerFullName", "workerBirthDate", "workerCitizenship", "workerPassportNumber"],
  ],
  ["temporary-residence-permit", "about-you", ["fullName", "birthDate", "citizenship", "passportNumber"]],
  ["permanent-residence-permit", "about-you", ["fullName", "birthDate", "citizenship", "passportNumber"]],
  ["stay-extension", "about-you", ["fullName", "birthDate", "citizenship", "passportNumber"]],
] as const;

describe("the procedures' pages filled from a passport's machine-readable zone", () => {
  it.each(personPages)(
    "%s fills its %s page's name, birth date, citizenship and passport number",
    (code, pageId, names) => {
      const page = registry.latest(code)?.form.find((one) => one.id === pageId);
      const [fullName, birthDate, nationality, documentNumber] = names;
      expect(page?.mrzFill).toEqual({ fullName, birthDate, nationality, documentNumber });
    },
  );

  it("declares the fill nowhere else (the other pages ask for no passport details)", () => {
    const declared = registry
      .current()
      .flatMap((definition) =>
        definition.form.filter((page) => page.mrzFill).map((page) => `${definition.code}/${page.id}`),
      );
    expect(declared.sort()).toEqual(personPages.map(([code, pageId]) => `${code}/${pageId}`).sort());
  });
});
