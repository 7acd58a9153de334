import { describe, expect, it } from "vitest";
import { checkMrz } from "./mrz-check.js";

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

/** The MRZ with the digit at `line`/`column` changed to another. */
function broken(lines: string[], line: number, column: number): string {
  return lines
    .map((text, index) => {
      if (index !== line) return text;
      const digit = Number(text[column]);
      return `${text.slice(0, column)}${(digit + 1) % 10}${text.slice(column + 1)}`;
    })
    .join("\n");
}

describe("the machine-readable zone of a travel document", () => {
  it("gives the document number of a passport and of an identity card whose check digits hold", () => {
    expect(checkMrz(passport.join("\n"))).toEqual({ number: "L898902C3" });
    expect(checkMrz(identityCard.join("\n"))).toEqual({ number: "D23145890" });
  });

  it("reads it from a reader that sends it in one line, or typed in small letters", () => {
    expect(checkMrz(passport.join(""))).toEqual({ number: "L898902C3" });
    expect(checkMrz(` ${passport.join(" ").toLowerCase()} `)).toEqual({ number: "L898902C3" });
  });

  it.each([
    ["the document number", 1, 9, "cases.answers.mrzDocumentNumberCheck"],
    ["the date of birth", 1, 19, "cases.answers.mrzBirthDateCheck"],
    ["the expiry date", 1, 27, "cases.answers.mrzExpiryDateCheck"],
    ["the personal number", 1, 42, "cases.answers.mrzPersonalNumberCheck"],
    ["the whole zone", 1, 43, "cases.answers.mrzCompositeCheck"],
  ])("names the broken check digit of %s in a passport", (_name, line, column, messageKey) => {
    expect(checkMrz(broken(passport, line, column))).toEqual({ messageKey });
  });

  it.each([
    ["the document number", 0, 14, "cases.answers.mrzDocumentNumberCheck"],
    ["the date of birth", 1, 6, "cases.answers.mrzBirthDateCheck"],
    ["the expiry date", 1, 14, "cases.answers.mrzExpiryDateCheck"],
    ["the whole zone", 1, 29, "cases.answers.mrzCompositeCheck"],
  ])("names the broken check digit of %s in an identity card", (_name, line, column, messageKey) => {
    expect(checkMrz(broken(identityCard, line, column))).toEqual({ messageKey });
  });

  it.each([
    ["a line missing", passport[1] as string],
    ["a character too many", `${passport.join("\n")}<`],
    ["a character that is not in an MRZ", passport.join("\n").replace("ERIKSSON", "ERİKSSON")],
    [
      "a visa's zone (TD2 length, 2 lines of 36)",
      "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE1842",
    ],
  ])("refuses %s as not the zone of a passport or an identity card", (_name, text) => {
    expect(checkMrz(text)).toEqual({ messageKey: "cases.answers.mrz" });
  });
});
