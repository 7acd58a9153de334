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
 * Reads the search form. A search must give the register a key to look up (a full name, a name
 * with the birth year, a full birth date or a document number): the register is never scanned.
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
  if (blockingKeysOf(matchViewOf(occurrence)).length === 0) {
    return { kind: "invalid", form, problem: { field: "name", code: "too_vague" } };
  }
  const readAs = (["name", "birthDate", "document"] as const).filter((field) => form[field]);
  return { kind: "ready", form, occurrence, readAs };
}
