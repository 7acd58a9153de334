import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CaseTypeInput, caseTypeSchema } from "./case-type.js";
import { checkAnswers } from "./validate-answers.js";

const t = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });
const today = "2026-03-02";

const definition = caseTypeSchema.parse({
  code: "answer-rules",
  version: 1,
  numberPrefix: "ANS",
  name: t("Answer rules"),
  summary: t("Answer rules"),
  applicants: ["applicant"],
  responsibleAgency: "SMS",
  legalBasis: t("None"),
  fee: { amountMinor: 0, currency: "AZN" },
  form: [
    {
      id: "all",
      title: t("All"),
      fields: [
        { name: "fullName", kind: "text", label: t("Name") },
        { name: "notes", kind: "textarea", required: false, label: t("Notes") },
        { name: "email", kind: "email", required: false, label: t("E-mail") },
        { name: "birthDate", kind: "date", when: "past", label: t("Born") },
        {
          name: "arrival",
          kind: "date",
          when: "past",
          earliest: { daysFromToday: -15 },
          label: t("Arrived"),
        },
        {
          name: "departure",
          kind: "date",
          when: "future",
          earliest: { answer: "arrival" },
          latest: { answer: "arrival", days: 89 },
          label: t("Leaves"),
        },
        {
          name: "kind",
          kind: "radios",
          options: [{ value: "hotel", label: t("Hotel") }],
          label: t("Kind"),
        },
        { name: "months", kind: "number", required: false, min: 1, max: 12, label: t("Months") },
        { name: "home", kind: "address", label: t("Home") },
        { name: "passport", kind: "documentNumber", required: false, mrz: true, label: t("Passport") },
        { name: "card", kind: "documentNumber", required: false, label: t("Card") },
        {
          name: "family",
          kind: "group",
          required: false,
          label: t("Family"),
          fields: [
            { name: "relativeName", kind: "text", label: t("Name") },
            { name: "relativeBirthDate", kind: "date", when: "past", label: t("Born") },
          ],
        },
      ],
    },
  ],
  states: {
    draft: { category: "draft", label: t("Draft") },
    open: { category: "open", label: t("Open") },
  },
  initialState: "draft",
  submittedState: "open",
  transitions: [{ name: "close", label: t("Close"), from: ["open"], to: "draft", allowed: "cases.process" }],
  outcomes: [{ code: "done", label: t("Done"), issuesDocument: false }],
} satisfies CaseTypeInput);

const valid = {
  fullName: "Aysel Məmmədova",
  birthDate: "1990-05-17",
  arrival: "2026-02-27",
  departure: "2026-03-20",
  kind: "hotel",
  home: { street: "Neftçilər prospekti 1", city: "Bakı", region: "AZ-BA", postcode: "AZ1000" },
};

function problemsOf(overrides: Record<string, unknown>) {
  return checkAnswers(definition, { ...valid, ...overrides }, today).problems;
}

describe("answers are what they claim to be", () => {
  it("accepts valid answers, trimmed", () => {
    const checked = checkAnswers(definition, { ...valid, fullName: "  Aysel  " }, today);
    expect(checked.problems).toEqual([]);
    expect(checked.answers.fullName).toBe("Aysel");
  });

  it.each([
    ["an object as text", { fullName: { first: "Aysel" } }, "fullName", "cases.answers.text"],
    ["a list as text", { fullName: ["Aysel"] }, "fullName", "cases.answers.text"],
    ["a number as text", { fullName: 42 }, "fullName", "cases.answers.text"],
    ["a list as a choice", { kind: ["hotel"] }, "kind", "cases.answers.choose"],
    ["a list as a number", { months: [5] }, "months", "cases.answers.number"],
    ["an object as a date", { birthDate: { y: 1990 } }, "birthDate", "cases.answers.date"],
    [
      "an object as an address part",
      { home: { street: { a: 1 }, city: "Bakı" } },
      "home",
      "cases.answers.text",
    ],
    ["a list as an address", { home: ["Neftçilər", "Bakı"] }, "home", "cases.answers.address"],
    ["text as a group", { family: "my wife" }, "family", "cases.answers.list"],
    ["a NUL", { fullName: "Ay\u0000sel" }, "fullName", "cases.answers.controlCharacters"],
    ["an escape character", { fullName: "Ay\u001b[31msel" }, "fullName", "cases.answers.controlCharacters"],
    ["a line break in one line", { fullName: "Ay\nsel" }, "fullName", "cases.answers.controlCharacters"],
    [
      "a right-to-left override",
      { fullName: "Aysel \u202eabc" },
      "fullName",
      "cases.answers.controlCharacters",
    ],
    ["a lone surrogate", { fullName: "Ay\ud800sel" }, "fullName", "cases.answers.controlCharacters"],
    [
      "a right-to-left mark in a name",
      { fullName: "Aysel\u200f" },
      "fullName",
      "cases.answers.controlCharacters",
    ],
    [
      "a left-to-right mark in a name",
      { fullName: "\u200eAysel" },
      "fullName",
      "cases.answers.controlCharacters",
    ],
    [
      "an Arabic letter mark in a name",
      { fullName: "Ay\u061csel" },
      "fullName",
      "cases.answers.controlCharacters",
    ],
    ["zero-width spaces only", { fullName: "\u200b\u200b" }, "fullName", "cases.answers.invisibleOnly"],
    [
      "fillers and joiners only",
      { fullName: "\u3164\u200d\u2060\ufeff" },
      "fullName",
      "cases.answers.invisibleOnly",
    ],
    [
      "an invisible address part",
      { home: { street: "\u200b", city: "Bakı" } },
      "home",
      "cases.answers.invisibleOnly",
    ],
    ["too long a name", { fullName: "a".repeat(201) }, "fullName", "cases.answers.tooLong"],
    [
      "a control character in an e-mail",
      { email: "a\u0007@b.az" },
      "email",
      "cases.answers.controlCharacters",
    ],
  ])("refuses %s", (_name, overrides, field, messageKey) => {
    expect(problemsOf(overrides)).toEqual([expect.objectContaining({ field, messageKey })]);
  });

  it("lets several lines through where the question takes them, and joiners inside a word", () => {
    expect(problemsOf({ notes: "Line one\r\n\tLine two", fullName: "Ə\u200dli" })).toEqual([]);
    expect(problemsOf({ notes: "Right-to-left text may need a mark\u200f." })).toEqual([]);
  });
});

describe("dates lie where the law and reality allow", () => {
  it.each([
    [
      "a birth on 0000-01-01",
      { birthDate: "0000-01-01" },
      "birthDate",
      "cases.answers.dateTooEarly",
      "1900-01-01",
    ],
    ["a birth in 1899", { birthDate: "1899-12-31" }, "birthDate", "cases.answers.dateTooEarly", "1900-01-01"],
    [
      "an arrival 16 days ago",
      { arrival: "2026-02-14" },
      "arrival",
      "cases.answers.dateTooEarly",
      "2026-02-15",
    ],
    [
      "a departure on 9999-12-31",
      { departure: "9999-12-31" },
      "departure",
      "cases.answers.dateTooLate",
      "2026-05-27",
    ],
    [
      "a stay of 91 days",
      { departure: "2026-05-28" },
      "departure",
      "cases.answers.dateTooLate",
      "2026-05-27",
    ],
    [
      "a relative born in 1850",
      { family: [{ relativeName: "Ali", relativeBirthDate: "1850-01-01" }] },
      "family.0.relativeBirthDate",
      "cases.answers.dateTooEarly",
      "1900-01-01",
    ],
  ])("refuses %s, naming the limit", (_name, overrides, field, messageKey, date) => {
    expect(problemsOf(overrides)).toEqual([{ field, messageKey, values: { date } }]);
  });

  it("takes the limits themselves: arrival 15 days ago, departure on the 90th day, born 1900-01-01", () => {
    expect(problemsOf({ arrival: "2026-02-15", departure: "2026-05-15", birthDate: "1900-01-01" })).toEqual(
      [],
    );
  });

  it("refuses a departure before the arrival only by its own limit, and nothing twice", () => {
    // The arrival is refused; the departure is not also refused for a limit counted from it.
    expect(problemsOf({ arrival: "2020-01-01" })).toEqual([
      expect.objectContaining({ field: "arrival", messageKey: "cases.answers.dateTooEarly" }),
    ]);
  });

  it("never accepts a date more than 20 years ahead, whatever the question", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2047, max: 9999 }), (year) => {
        const problems = problemsOf({ departure: `${year}-01-01`, arrival: "2026-03-01" });
        expect(problems.map((problem) => problem.messageKey)).toEqual(["cases.answers.dateTooLate"]);
      }),
      { numRuns: 50 },
    );
  });

  it("refuses a definition whose limit counts from a question that is not a date", () => {
    const broken = {
      ...definition,
      form: [
        {
          id: "all",
          title: t("All"),
          fields: [
            { name: "fullName", kind: "text", label: t("Name") },
            { name: "leaves", kind: "date", latest: { answer: "fullName", days: 3 }, label: t("Leaves") },
          ],
        },
      ],
    };
    expect(caseTypeSchema.safeParse(broken).error?.issues[0]?.message).toBe(
      "leaves: limit fullName is not a date question",
    );
  });
});

describe("a document number with its machine-readable zone", () => {
  // The ICAO Doc 9303 passport specimen (TD3).
  const zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

  it("keeps the number the zone carries, and a number typed alone", () => {
    expect(checkAnswers(definition, { ...valid, passport: zone }, today).answers.passport).toBe("L898902C3");
    expect(checkAnswers(definition, { ...valid, passport: "l898 902c3" }, today).answers.passport).toBe(
      "L898902C3",
    );
  });

  it("names the check digit that does not match", () => {
    const birthDigitBroken = zone.replace("7408122F", "7408123F");
    expect(problemsOf({ passport: birthDigitBroken })).toEqual([
      { field: "passport", messageKey: "cases.answers.mrzBirthDateCheck" },
    ]);
  });

  it("takes no zone where the question does not ask for one", () => {
    expect(problemsOf({ card: zone })).toEqual([
      { field: "card", messageKey: "cases.answers.documentNumber" },
    ]);
  });
});

describe("repeating groups", () => {
  const withGroup = caseTypeSchema.parse({
    ...definition,
    form: [
      {
        id: "all",
        title: t("All"),
        fields: [
          {
            name: "family",
            kind: "group",
            label: t("Family"),
            minItems: 2,
            maxItems: 3,
            fields: [
              { name: "relativeName", kind: "text", label: t("Name") },
              { name: "relativeHome", kind: "address", required: false, label: t("Home") },
            ],
          },
        ],
      },
    ],
  });
  const problems = (family: unknown) => checkAnswers(withGroup, { family }, today).problems;

  it("says there are too few entries, and then what is wrong in those given", () => {
    expect(problems([{ relativeName: "" }])).toEqual([
      { field: "family", messageKey: "cases.answers.tooFewItems" },
      { field: "family.0.relativeName", messageKey: "cases.answers.required" },
    ]);
  });

  it("refuses too many entries before reading any", () => {
    expect(problems([{}, {}, {}, {}])).toEqual([
      { field: "family", messageKey: "cases.answers.tooManyItems" },
    ]);
  });

  it("asks an entry's address for its street and city, and reads an entry that is no object as empty", () => {
    expect(problems([{ relativeName: "Ali", relativeHome: { city: "Bakı" } }, "Aysel"])).toEqual([
      { field: "family.0.relativeHome", messageKey: "cases.answers.address" },
      { field: "family.1.relativeName", messageKey: "cases.answers.required" },
    ]);
  });

  it("keeps the entries cleaned", () => {
    const checked = checkAnswers(
      withGroup,
      { family: [{ relativeName: " Ali " }, { relativeName: "Aysel" }] },
      today,
    );
    expect(checked).toEqual({
      answers: { family: [{ relativeName: "Ali" }, { relativeName: "Aysel" }] },
      problems: [],
    });
  });
});
