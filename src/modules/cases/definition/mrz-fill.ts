import { z } from "zod";
import { readMrz } from "./mrz-check.js";
import { countryOfNationality } from "./mrz-nationality.js";

/**
 * A form page that asks for a person's passport details may offer to fill them from the
 * document's machine-readable zone: the page names which of its questions take which detail.
 * Nothing is saved by filling; the person checks the answers and saves the page as usual.
 */

const answer = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "camelCase name");
const optionValue = z.string().min(1);

export const mrzFillSchema = z
  .strictObject({
    /** A document number question: the number the zone carries. */
    documentNumber: answer.optional(),
    /** A text question: given names then surname, in one answer. */
    fullName: answer.optional(),
    /** Text questions, when the form asks for the names apart. */
    surname: answer.optional(),
    givenNames: answer.optional(),
    /** A country question: the nationality, when it names a country of the list. */
    nationality: answer.optional(),
    /** Date questions; the zone writes years with two digits. */
    birthDate: answer.optional(),
    expiryDate: answer.optional(),
    /** A radios or select question and its options for the zone's F, M and `<` (not specified). */
    sex: z
      .strictObject({
        answer,
        female: optionValue,
        male: optionValue,
        unspecified: optionValue.optional(),
      })
      .optional(),
  })
  .refine((fill) => Object.keys(fill).length > 0, "an MRZ fill names at least one question");
export type MrzFill = z.infer<typeof mrzFillSchema>;

type Detail = Exclude<keyof MrzFill, "sex">;

/** A question of the page, as much of it as the fill's check reads. */
interface Question {
  name: string;
  kind: string;
  options?: Array<{ value: string }>;
}

/** The kinds of question each detail fits. */
const fittingKinds: Record<Detail, readonly string[]> = {
  documentNumber: ["documentNumber"],
  fullName: ["text"],
  surname: ["text"],
  givenNames: ["text"],
  nationality: ["country"],
  birthDate: ["date"],
  expiryDate: ["date"],
};

/** The questions a fill writes to, by name. */
export function mrzFillAnswers(fill: MrzFill): string[] {
  const { sex, ...details } = fill;
  return [...Object.values(details), ...(sex ? [sex.answer] : [])];
}

/** What is wrong with a page's fill: each question named is one of the page's own, of a kind that fits. */
export function mrzFillProblems(fill: MrzFill, pageId: string, fields: Question[]): string[] {
  const problems: string[] = [];
  const byName = new Map(fields.map((field) => [field.name, field]));
  const check = (detail: string, name: string, kinds: readonly string[]) => {
    const question = byName.get(name);
    if (!question) problems.push(`page ${pageId}: MRZ ${detail} ${name} is not a question of the page`);
    else if (!kinds.includes(question.kind))
      problems.push(
        `page ${pageId}: MRZ ${detail} ${name} is a ${question.kind} question, not ${kinds.join(" or ")}`,
      );
  };
  for (const [detail, kinds] of Object.entries(fittingKinds)) {
    const name = fill[detail as Detail];
    if (name) check(detail, name, kinds);
  }
  if (fill.fullName && (fill.surname || fill.givenNames)) {
    problems.push(`page ${pageId}: MRZ names go to a full name or to surname and given names, not both`);
  }
  if (fill.sex) {
    check("sex", fill.sex.answer, ["radios", "select"]);
    const question = byName.get(fill.sex.answer);
    const options = question?.options ?? [];
    for (const value of [fill.sex.female, fill.sex.male, fill.sex.unspecified]) {
      if (value !== undefined && question && !options.some((option) => option.value === value))
        problems.push(`page ${pageId}: MRZ sex ${fill.sex.answer} has no option ${value}`);
    }
  }
  const names = mrzFillAnswers(fill);
  if (new Set(names).size !== names.length) problems.push(`page ${pageId}: MRZ fills a question twice`);
  return problems;
}

/**
 * A name as the zone writes it (ICAO Latin capitals) as the forms' other names read: each part
 * capitalised ("ANNA MARIA" → "Anna Maria").
 */
function readableName(name: string): string {
  return name
    .split(" ")
    .filter(Boolean)
    .map((part) => `${part.charAt(0)}${part.slice(1).toLowerCase()}`)
    .join(" ");
}

const twoDigitDate = /^(\d{2})(\d{2})(\d{2})$/;

function isRealDay(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

/**
 * A YYMMDD date in the century `century` picks from the two-digit year (a date of `today`'s
 * century first), or nothing when the zone does not know the whole date or it is no real day.
 */
function fullDate(printed: string, century: (year: number) => number): string | undefined {
  const match = twoDigitDate.exec(printed);
  if (!match) return undefined;
  const [, yy, mm, dd] = match;
  const iso = `${century(Number(yy))}-${mm}-${dd}`;
  return isRealDay(iso) ? iso : undefined;
}

/** A birth date is never in the future: the latest century that keeps it on or before today. */
function birthDate(printed: string, today: string): string | undefined {
  const thisCentury = Number(today.slice(0, 2)) * 100;
  const candidate = fullDate(printed, (yy) => thisCentury + yy);
  if (candidate === undefined || candidate <= today) return candidate;
  return fullDate(printed, (yy) => thisCentury - 100 + yy);
}

/** An expiry date is the one within 50 years either side of today (documents last 10 years at most). */
function expiryDate(printed: string, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  return fullDate(printed, (yy) => {
    const candidate = Math.floor(year / 100) * 100 + yy;
    if (candidate > year + 50) return candidate - 100;
    if (candidate <= year - 50) return candidate + 100;
    return candidate;
  });
}

export type MrzFillResult =
  | {
      /** Answers by question name, as a person would type them (dates as YYYY-MM-DD). */
      answers: Record<string, string>;
      /** The nationality code when it names no country of the list (UTO, XXA): not filled. */
      unknownNationality?: string;
    }
  | { messageKey: string };

/**
 * The answers a page's fill takes from an MRZ (`today` the legal date, for the century of the
 * dates), or the message key naming what is wrong with the zone (the failing check digit). A
 * detail the zone does not give (`<`) is left out, so the question keeps what was typed.
 */
export function fillFromMrz(fill: MrzFill, raw: string, today: string): MrzFillResult {
  const read = readMrz(raw);
  if ("messageKey" in read) return read;
  const { zone } = read;
  const answers: Record<string, string> = {};
  const put = (name: string | undefined, value: string | undefined) => {
    if (name && value) answers[name] = value;
  };
  put(fill.documentNumber, zone.documentNumber);
  put(fill.fullName, readableName(`${zone.givenNames} ${zone.surname}`));
  put(fill.surname, readableName(zone.surname));
  put(fill.givenNames, readableName(zone.givenNames));
  const country = countryOfNationality(zone.nationality);
  put(fill.nationality, country);
  put(fill.birthDate, birthDate(zone.birthDate, today));
  put(fill.expiryDate, expiryDate(zone.expiryDate, today));
  if (fill.sex) {
    const bySex: Record<string, string | undefined> = {
      F: fill.sex.female,
      M: fill.sex.male,
      "<": fill.sex.unspecified,
    };
    put(fill.sex.answer, bySex[zone.sex]);
  }
  const unknown = fill.nationality && !country ? zone.nationality.replaceAll("<", "") : undefined;
  return unknown ? { answers, unknownNationality: unknown } : { answers };
}
