import { parsePartialDate } from "../../matching/compare-dates.js";
import { blockingKeysOf, matchViewOf, type PersonOccurrence } from "../../register/occurrence.js";

export interface PersonSearchForm {
  name: string;
  birthDate: string;
  document: string;
}

export type PersonSearchProblem = { field: "birthDate" | "name"; code: "birth_date_invalid" | "too_vague" };

export type PersonSearch =
  | { kind: "empty"; form: PersonSearchForm }
  | { kind: "invalid"; form: PersonSearchForm; problem: PersonSearchProblem }
  | { kind: "ready"; form: PersonSearchForm; occurrence: PersonOccurrence; readAs: string[] };

const text = (value: unknown) =>
  typeof value === "string" ? value.trim().replace(/\s+/g, " ").slice(0, 100) : "";
const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** `01.05.1990` as the register writes it (`1990-05-01`); other forms as typed. */
function isoDate(value: string): string {
  const found = dotted.exec(value);
  return found ? `${found[3]}-${found[2]?.padStart(2, "0")}-${found[1]?.padStart(2, "0")}` : value;
}

/**
 * The register keys a search looks persons up by. One name alone with a birth year is left out:
 * the register keys a name with its year by both name parts, so "Mamedov, 1990" would meet only
 * the persons registered under one name and miss Elvin Məmmədov born in 1990; one name finds
 * persons with the full birth date or a document number, where it then ranks them.
 */
function lookupKeysOf(occurrence: PersonOccurrence): string[] {
  const view = matchViewOf(occurrence);
  const onePart = view.name !== undefined && !(view.name.givenPhonetic && view.name.familyPhonetic);
  return blockingKeysOf(view).filter((key) => !(onePart && key.startsWith("ny:")));
}

/**
 * Reads the search form. A search must give the register a key to look up (a given name and a
 * surname, with the birth year or not, a full birth date or a document number): the register is
 * never scanned. Names are looked up by their phonetic keys and ranked by their comparable keys
 * (names/normalise.ts), so any spelling finds the person: Мамедов, Mammadov, Məmmədov.
 */
export function readPersonSearch(query: unknown): PersonSearch {
  const values = (query ?? {}) as Record<string, unknown>;
  const form = {
    name: text(values.name),
    birthDate: text(values.birthDate),
    document: text(values.document),
  };
  if (!form.name && !form.birthDate && !form.document) return { kind: "empty", form };
  const birthDate = form.birthDate ? isoDate(form.birthDate) : undefined;
  if (birthDate && !parsePartialDate(birthDate)) {
    return { kind: "invalid", form, problem: { field: "birthDate", code: "birth_date_invalid" } };
  }
  const occurrence: PersonOccurrence = {
    fullName: form.name || undefined,
    birthDate,
    document: form.document ? { number: form.document } : undefined,
  };
  if (lookupKeysOf(occurrence).length === 0) {
    return { kind: "invalid", form, problem: { field: "name", code: "too_vague" } };
  }
  const readAs = (["name", "birthDate", "document"] as const).filter((field) => form[field]);
  return { kind: "ready", form, occurrence, readAs };
}
