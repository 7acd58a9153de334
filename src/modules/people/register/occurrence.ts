import { parsePartialDate } from "../matching/compare-dates.js";
import type { PreparedPerson } from "../matching/person-comparisons.js";
import { type NameScript, nameKeys } from "../names/normalise.js";

/** What a case, an imported record or another register's record says about one person; any part may be unknown. */
export interface PersonOccurrence {
  /** The name as one string, when the source does not separate given names and family name. */
  fullName?: string | undefined;
  givenNames?: string | undefined;
  familyName?: string | undefined;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string | undefined;
  /** `F` or `M`. */
  sex?: string | undefined;
  /** ISO 3166-1 alpha-2 code. */
  citizenship?: string | undefined;
  document?: PersonDocument | undefined;
}

export type DocumentType = "passport" | "id-card" | "residence-permit" | "travel-document" | "other";

export interface PersonDocument {
  number: string;
  type?: DocumentType | undefined;
  /** ISO 3166-1 alpha-2 code of the issuing state. */
  issuingState?: string | undefined;
  /** `YYYY-MM-DD`. */
  expiry?: string | undefined;
}

/** The registers of Karvan besides cases whose records name one person each. */
export type RecordRegister = "detention" | "readmission";

/**
 * Where an occurrence comes from: the person a case is about, a person of an imported record, or
 * the person of a record of another register (a detention placement, a readmission request).
 */
export type OccurrenceSource =
  | {
      kind: "case";
      caseId: string;
      role: string;
      /** Tells apart several persons of one role in a case (family members); 0 by default. */
      slot?: number | undefined;
    }
  | { kind: "import"; batchId: string; importPersonId: string }
  | { kind: "record"; register: RecordRegister; recordId: string };

/** One string per source, so that registering the same source again finds what the first time did. */
export function sourceKeyOf(source: OccurrenceSource): string {
  switch (source.kind) {
    case "case":
      return `case:${source.caseId}:${source.role}:${source.slot ?? 0}`;
    case "import":
      return `import:${source.batchId}:${source.importPersonId}`;
    case "record":
      return `record:${source.register}:${source.recordId}`;
  }
}

/** A name as the register stores it: as written, with the keys the matcher compares and blocks on. */
export interface NameForRegister {
  givenNames: string | null;
  familyName: string | null;
  fullName: string | null;
  script: NameScript;
  givenComparable: string;
  familyComparable: string;
  givenPhonetic: string;
  familyPhonetic: string;
}

/** What the matcher reads of a name: its comparable and phonetic keys. */
export type ComparableName = Pick<
  NameForRegister,
  "givenComparable" | "familyComparable" | "givenPhonetic" | "familyPhonetic"
>;

const written = (value: string | undefined) => {
  const trimmed = value?.trim().replace(/\s+/g, " ");
  return trimmed ? trimmed : null;
};

/**
 * The name's parts. A full name is read as given names then family name (the last word), the order
 * of Karvan's forms; a name written the other way round (a passport's "MAMMADOV ALI") is still
 * found, because the blocking key sorts the two parts and the comparison tries the names crosswise.
 */
export function nameOfOccurrence(occurrence: PersonOccurrence): NameForRegister | undefined {
  const fullName = written(occurrence.fullName);
  let givenNames = written(occurrence.givenNames);
  let familyName = written(occurrence.familyName);
  if (!givenNames && !familyName && fullName) {
    const words = fullName.split(" ");
    familyName = words.pop() ?? null;
    givenNames = words.length > 0 ? words.join(" ") : null;
  }
  if (!givenNames && !familyName) return undefined;
  const given = nameKeys(givenNames ?? "");
  const family = nameKeys(familyName ?? "");
  const script = nameKeys(fullName ?? `${givenNames ?? ""} ${familyName ?? ""}`).script;
  return {
    givenNames: occurrence.givenNames ? givenNames : null,
    familyName: occurrence.familyName ? familyName : null,
    fullName:
      fullName ?? (givenNames && familyName ? `${givenNames} ${familyName}` : (givenNames ?? familyName)),
    script,
    givenComparable: given.comparable,
    familyComparable: family.comparable,
    givenPhonetic: given.phonetic,
    familyPhonetic: family.phonetic,
  };
}

/** A document number as the register keeps it: letters and digits only, in capitals. */
export function normalisedDocumentNumber(number: string): string {
  return number.replace(/[^\p{L}\p{N}]+/gu, "").toUpperCase();
}

/** A birth date cut to what is really known (`1990-00-00` is `1990`), or null. */
export function normalisedBirthDate(text: string | undefined | null): string | null {
  const date = parsePartialDate(text);
  if (!date) return null;
  const two = (n: number) => String(n).padStart(2, "0");
  const year = String(date.year).padStart(4, "0");
  if (date.month === undefined) return year;
  if (date.day === undefined) return `${year}-${two(date.month)}`;
  return `${year}-${two(date.month)}-${two(date.day)}`;
}

export const normalisedCode = (value: string | undefined | null): string | null =>
  value?.trim() ? value.trim().toUpperCase() : null;

/** What the matcher compares: one name, one document, one citizenship (the register's person may hold several). */
export interface MatchView {
  name: ComparableName | undefined;
  birthDate: string | null;
  sex: string | null;
  citizenship: string | null;
  documentNumber: string | null;
}

export function matchViewOf(occurrence: PersonOccurrence): MatchView {
  const documentNumber = occurrence.document ? normalisedDocumentNumber(occurrence.document.number) : "";
  return {
    name: nameOfOccurrence(occurrence),
    birthDate: normalisedBirthDate(occurrence.birthDate),
    sex: normalisedCode(occurrence.sex),
    citizenship: normalisedCode(occurrence.citizenship),
    documentNumber: documentNumber || null,
  };
}

/**
 * The matcher's form of a view. The names arrive already keyed across scripts (comparable and
 * phonetic keys of names/normalise.ts); the register holds no address, so those fields stay empty and
 * weigh nothing.
 */
export function preparedOf(view: MatchView): PreparedPerson {
  return {
    givenName: view.name?.givenComparable ?? "",
    surname: view.name?.familyComparable ?? "",
    givenKey: view.name?.givenPhonetic ?? "",
    surnameKey: view.name?.familyPhonetic ?? "",
    dateOfBirth: parsePartialDate(view.birthDate),
    sex: view.sex?.toLowerCase() ?? "",
    citizenship: view.citizenship?.toLowerCase() ?? "",
    documentNumber: view.documentNumber?.toLowerCase() ?? "",
    postcode: "",
    address: "",
    locality: "",
  };
}

/**
 * The blocking keys of a view, several and independent so that a typing error in one field does not
 * hide a match: both phonetic name parts (sorted, so swapped names meet), the same with the birth
 * year (selective where a name is common), the full date of birth, and the document number.
 */
export function blockingKeysOf(view: MatchView): string[] {
  const keys: string[] = [];
  const name = view.name;
  const year = view.birthDate?.slice(0, 4);
  if (name?.givenPhonetic && name.familyPhonetic) {
    const parts = [name.givenPhonetic, name.familyPhonetic].sort().join("|");
    keys.push(`n:${parts}`);
    if (year) keys.push(`ny:${parts}:${year}`);
  } else if (name && year) {
    keys.push(`ny:${name.givenPhonetic || name.familyPhonetic}:${year}`);
  }
  if (view.birthDate?.length === 10) keys.push(`b:${view.birthDate}`);
  if (view.documentNumber) keys.push(`d:${view.documentNumber}`);
  return keys;
}
