import { describe, expect, it } from "vitest";
import { samplePermit } from "../test-support/sample-case-type.js";
import { type CaseTypeInput, caseTypeSchema, type FieldDefinition } from "./case-type.js";
import { fillFromMrz, type MrzFill, mrzFillProblems } from "./mrz-fill.js";

const t = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });
const today = "2026-12-06";

// The specimens of ICAO Doc 9303 (Utopia, Anna Maria Eriksson): a passport (TD3) and an identity card (TD1).
const passport = [
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
  "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
];
const identityCard = [
  "I<UTOD231458907<<<<<<<<<<<<<<<",
  "7408122F1204159UTO<<<<<<<<<<<6",
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];

const everything: MrzFill = {
  documentNumber: "passportNumber",
  fullName: "fullName",
  nationality: "citizenship",
  birthDate: "birthDate",
  expiryDate: "passportExpires",
  sex: { answer: "sex", female: "female", male: "male", unspecified: "unspecified" },
};

/** ICAO 9303 check digit: weights 7, 3, 1; digits count as themselves, A as 10 ... Z as 35, `<` as 0. */
function checkDigit(text: string): string {
  const value = (char: string) => (char === "<" ? 0 : Number.parseInt(char, 36));
  const sum = [...text].reduce((total, char, index) => total + value(char) * ([7, 3, 1][index % 3] ?? 0), 0);
  return String(sum % 10);
}

/** A passport's zone (TD3) with these details and check digits that hold. */
function passportZone(details: {
  names: string;
  nationality: string;
  birth: string;
  sex: string;
  expiry: string;
}) {
  const number = "AZ1234567";
  const personal = "<".repeat(14);
  const first = `P<${details.nationality}${details.names}`.padEnd(44, "<");
  const parts = [
    `${number}${checkDigit(number)}`,
    `${details.birth}${checkDigit(details.birth)}`,
    `${details.expiry}${checkDigit(details.expiry)}`,
    `${personal}${checkDigit(personal)}`,
  ];
  const composite = checkDigit(parts.join(""));
  const second = `${parts[0]}${details.nationality}${parts[1]}${details.sex}${parts[2]}${parts[3]}${composite}`;
  return `${first}\n${second}`;
}

const azerbaijani = {
  names: "MAMMADOV<<ELVIN<RASHAD",
  nationality: "AZE",
  birth: "900517",
  sex: "M",
  expiry: "310101",
};

/** The zone with the digit at `line`/`column` changed to another. */
function broken(lines: string[], line: number, column: number): string {
  return lines
    .map((text, index) => {
      if (index !== line) return text;
      const digit = Number(text[column]);
      return `${text.slice(0, column)}${(digit + 1) % 10}${text.slice(column + 1)}`;
    })
    .join("\n");
}

describe("filling a form page from a machine-readable zone", () => {
  it("fills the ICAO specimen passport's details, the names as the form's names read, and says its nationality names no country", () => {
    expect(fillFromMrz(everything, passport.join("\n"), today)).toEqual({
      answers: {
        passportNumber: "L898902C3",
        fullName: "Anna Maria Eriksson",
        birthDate: "1974-08-12",
        passportExpires: "2012-04-15",
        sex: "female",
      },
      unknownNationality: "UTO",
    });
  });

  it("fills the same from the ICAO specimen identity card, and the names apart when the form asks so", () => {
    const apart: MrzFill = { documentNumber: "cardNumber", surname: "surname", givenNames: "givenNames" };
    expect(fillFromMrz(apart, identityCard.join("\n"), today)).toEqual({
      answers: { cardNumber: "D23145890", surname: "Eriksson", givenNames: "Anna Maria" },
    });
  });

  it.each([
    ["AZE", "AZ"],
    ["D<<", "DE"],
    ["GBD", "GB"],
    ["GBR", "GB"],
    ["TUR", "TR"],
  ])("turns the nationality %s into the country %s of the country list", (nationality, country) => {
    const filled = fillFromMrz(everything, passportZone({ ...azerbaijani, nationality }), today);
    expect(filled).toMatchObject({ answers: { citizenship: country, fullName: "Elvin Rashad Mammadov" } });
    expect(filled).not.toHaveProperty("unknownNationality");
  });

  it.each(["XXA", "XXB", "UNO", "RKS"])(
    "leaves the citizenship to the person for the code %s, which names no country of the list",
    (nationality) => {
      const filled = fillFromMrz(everything, passportZone({ ...azerbaijani, nationality }), today);
      expect(filled).toMatchObject({ unknownNationality: nationality });
      expect(filled).not.toHaveProperty("answers.citizenship");
    },
  );

  it.each([
    ["261206", "2026-12-06", "a birth today"],
    ["261207", "1926-12-07", "a day after today, which must be a century ago"],
    ["000229", "2000-02-29", "a leap day"],
    ["990101", "1999-01-01", "the last century"],
  ])("reads the birth date %s as %s (%s)", (birth, date) => {
    expect(fillFromMrz(everything, passportZone({ ...azerbaijani, birth }), today)).toMatchObject({
      answers: { birthDate: date },
    });
  });

  it.each([
    ["7405<<", "a day the document does not know"],
    ["010229", "a day that does not exist"],
  ])("leaves the birth date %s unfilled (%s)", (birth) => {
    const filled = fillFromMrz(everything, passportZone({ ...azerbaijani, birth }), today);
    expect(filled).toHaveProperty("answers.passportNumber", "AZ1234567");
    expect(filled).not.toHaveProperty("answers.birthDate");
  });

  it.each([
    ["360101", "2036-01-01"],
    ["991231", "1999-12-31"],
    ["760101", "2076-01-01"],
  ])("reads the expiry date %s as the one within 50 years of today, %s", (expiry, date) => {
    expect(fillFromMrz(everything, passportZone({ ...azerbaijani, expiry }), today)).toMatchObject({
      answers: { passportExpires: date },
    });
  });

  it("answers the sex question with the option the page names, and leaves it when the zone does not say and no option is named", () => {
    const unspecified = passportZone({ ...azerbaijani, sex: "<" });
    expect(fillFromMrz(everything, unspecified, today)).toHaveProperty("answers.sex", "unspecified");
    const withoutOption: MrzFill = { sex: { answer: "sex", female: "f", male: "m" } };
    expect(fillFromMrz(withoutOption, unspecified, today)).toEqual({ answers: {} });
    expect(fillFromMrz(withoutOption, passportZone(azerbaijani), today)).toEqual({ answers: { sex: "m" } });
  });

  it.each([
    ["the document number", 1, 9, "cases.answers.mrzDocumentNumberCheck"],
    ["the date of birth", 1, 19, "cases.answers.mrzBirthDateCheck"],
    ["the expiry date", 1, 27, "cases.answers.mrzExpiryDateCheck"],
    ["the personal number", 1, 42, "cases.answers.mrzPersonalNumberCheck"],
    ["the whole zone", 1, 43, "cases.answers.mrzCompositeCheck"],
  ])(
    "fills nothing from a passport whose check digit of %s fails, and names it",
    (_name, line, column, messageKey) => {
      expect(fillFromMrz(everything, broken(passport, line, column), today)).toEqual({ messageKey });
    },
  );

  it.each([
    ["the document number", 0, 14, "cases.answers.mrzDocumentNumberCheck"],
    ["the date of birth", 1, 6, "cases.answers.mrzBirthDateCheck"],
    ["the expiry date", 1, 14, "cases.answers.mrzExpiryDateCheck"],
    ["the whole zone", 1, 29, "cases.answers.mrzCompositeCheck"],
  ])(
    "fills nothing from an identity card whose check digit of %s fails, and names it",
    (_name, line, column, messageKey) => {
      expect(fillFromMrz(everything, broken(identityCard, line, column), today)).toEqual({ messageKey });
    },
  );

  it.each([
    ["nothing", ""],
    ["a line missing", passport[1] as string],
    ["a bare document number", "L898902C3"],
  ])("refuses %s as not a zone", (_name, text) => {
    expect(fillFromMrz(everything, text, today)).toEqual({ messageKey: "cases.answers.mrz" });
  });
});

describe("a page's MRZ fill, checked when the definition loads", () => {
  const fields: FieldDefinition[] = [
    { name: "fullName", kind: "text", label: t("Full name"), required: true, maxLength: 200 },
    { name: "birthDate", kind: "date", label: t("Date of birth"), required: true, when: "past" },
    {
      name: "sex",
      kind: "radios",
      label: t("Sex"),
      required: true,
      options: [
        { value: "female", label: t("Female") },
        { value: "male", label: t("Male") },
      ],
    },
  ];

  it("accepts questions of the page of kinds that fit", () => {
    const fill: MrzFill = {
      fullName: "fullName",
      birthDate: "birthDate",
      sex: { answer: "sex", female: "female", male: "male" },
    };
    expect(mrzFillProblems(fill, "about-you", fields)).toEqual([]);
  });

  it("names a missing question, a question of the wrong kind, a missing option and names filled twice", () => {
    const fill: MrzFill = {
      documentNumber: "passportNumber",
      fullName: "fullName",
      surname: "fullName",
      nationality: "birthDate",
      sex: { answer: "sex", female: "female", male: "male", unspecified: "other" },
    };
    expect(mrzFillProblems(fill, "about-you", fields)).toEqual([
      "page about-you: MRZ documentNumber passportNumber is not a question of the page",
      "page about-you: MRZ nationality birthDate is a date question, not country",
      "page about-you: MRZ names go to a full name or to surname and given names, not both",
      "page about-you: MRZ sex sex has no option other",
      "page about-you: MRZ fills a question twice",
    ]);
  });

  it("stops a definition whose fill names a question of another page", () => {
    const [aboutYou, ground] = samplePermit.form;
    const definition: CaseTypeInput = {
      ...samplePermit,
      form: [
        { ...(aboutYou as CaseTypeInput["form"][number]), mrzFill: { fullName: "employer" } },
        ground as never,
      ],
    };
    expect(caseTypeSchema.safeParse(definition).error?.issues.map((issue) => issue.message)).toEqual([
      "page about-you: MRZ fullName employer is not a question of the page",
    ]);
    const fine: CaseTypeInput = {
      ...definition,
      form: [
        { ...(aboutYou as CaseTypeInput["form"][number]), mrzFill: { fullName: "fullName" } },
        ground as never,
      ],
    };
    expect(caseTypeSchema.safeParse(fine).success).toBe(true);
    expect(
      caseTypeSchema.safeParse({ ...fine, form: [{ ...fine.form[0], mrzFill: {} }, ground] }).success,
    ).toBe(false);
  });
});
