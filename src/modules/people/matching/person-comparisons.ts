import type { BlockingKey } from "./blocking.js";
import { compareDates, dateAgreementLevels, type PartialDate, parsePartialDate } from "./compare-dates.js";
import { MISSING_LEVEL } from "./fellegi-sunter.js";
import { jaroWinkler } from "./jaro-winkler.js";
import type { FieldComparison } from "./link-records.js";
import { type NameNormaliser, plainNameNormaliser } from "./normalise.js";
import { soundex } from "./soundex.js";

/** The fields of a person the register compares; any may be unknown. */
export interface PersonForMatching {
  givenName?: string;
  surname?: string;
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYYMMDD`. */
  dateOfBirth?: string;
  sex?: string;
  citizenship?: string;
  documentNumber?: string;
  postcode?: string;
  /** The street line of the address. */
  address?: string;
  locality?: string;
}

/** A person with its normalised forms and keys computed once, not once per compared pair. */
export interface PreparedPerson {
  givenName: string;
  surname: string;
  givenKey: string;
  surnameKey: string;
  dateOfBirth: PartialDate | undefined;
  sex: string;
  citizenship: string;
  documentNumber: string;
  postcode: string;
  address: string;
  locality: string;
}

const plain = (value: string | undefined) => (value ?? "").trim().toLowerCase();
const compact = (value: string | undefined) => plain(value).replace(/[^\p{L}\p{N}]+/gu, "");

/** How names are read: both default to the plain Latin forms, a cross-script keying can replace them. */
export interface NameReading {
  normalise?: NameNormaliser;
  /** A coarse key of a normalised name, for blocking and for "similar" names. */
  phoneticKey?: (normalisedName: string) => string;
}

export function preparePerson(person: PersonForMatching, reading: NameReading = {}): PreparedPerson {
  const normalise = reading.normalise ?? plainNameNormaliser;
  const phoneticKey = reading.phoneticKey ?? soundex;
  const givenName = normalise(person.givenName ?? "");
  const surname = normalise(person.surname ?? "");
  return {
    givenName,
    surname,
    givenKey: phoneticKey(givenName),
    surnameKey: phoneticKey(surname),
    dateOfBirth: parsePartialDate(person.dateOfBirth),
    sex: plain(person.sex),
    citizenship: plain(person.citizenship),
    documentNumber: compact(person.documentNumber),
    postcode: compact(person.postcode),
    address: plainNameNormaliser(person.address ?? ""),
    locality: plainNameNormaliser(person.locality ?? ""),
  };
}

/** 0 different, 1 similar (Jaro-Winkler ≥ 0.85 or same phonetic key), 2 close (≥ 0.94), 3 equal. */
function nameLevel(a: string, b: string, keyA: string, keyB: string): number {
  if (a === "" || b === "") return MISSING_LEVEL;
  if (a === b) return 3;
  const similarity = jaroWinkler(a, b);
  if (similarity >= 0.94) return 2;
  return similarity >= 0.85 || (keyA !== "" && keyA === keyB) ? 1 : 0;
}

/** 0 different, 1 one character replaced or two neighbours swapped, 2 equal. */
function codeLevel(a: string, b: string): number {
  if (a === "" || b === "") return MISSING_LEVEL;
  if (a === b) return 2;
  if (a.length !== b.length) return 0;
  let first = -1;
  let differences = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (differences === 0) first = i;
    differences++;
  }
  if (differences === 1) return 1;
  const swapped =
    differences === 2 && a.charAt(first) === b.charAt(first + 1) && a.charAt(first + 1) === b.charAt(first);
  return swapped ? 1 : 0;
}

function textLevel(a: string, b: string): number {
  if (a === "" || b === "") return MISSING_LEVEL;
  if (a === b) return 2;
  return jaroWinkler(a, b) >= 0.9 ? 1 : 0;
}

function equalLevel(a: string, b: string): number {
  if (a === "" || b === "") return MISSING_LEVEL;
  return a === b ? 1 : 0;
}

/**
 * Whether b's given name and surname were entered the other way round: the crossed names are more
 * alike than the names in place. Judged on both names together, so one name alone never swaps.
 */
function namesSwapped(a: PreparedPerson, b: PreparedPerson): boolean {
  if (a.givenName === b.givenName || a.surname === b.surname) return false;
  if (!a.givenName || !a.surname || !b.givenName || !b.surname) return false;
  const inPlace = jaroWinkler(a.givenName, b.givenName) + jaroWinkler(a.surname, b.surname);
  return jaroWinkler(a.givenName, b.surname) + jaroWinkler(a.surname, b.givenName) > inPlace;
}

/** The comparison vector of two people: one field per attribute, levels from different to equal. */
export const personComparisons: readonly FieldComparison<PreparedPerson>[] = [
  {
    name: "given name",
    levels: 4,
    compare: (a, b) =>
      namesSwapped(a, b)
        ? nameLevel(a.givenName, b.surname, a.givenKey, b.surnameKey)
        : nameLevel(a.givenName, b.givenName, a.givenKey, b.givenKey),
  },
  {
    name: "surname",
    levels: 4,
    compare: (a, b) =>
      namesSwapped(a, b)
        ? nameLevel(a.surname, b.givenName, a.surnameKey, b.givenKey)
        : nameLevel(a.surname, b.surname, a.surnameKey, b.surnameKey),
  },
  {
    name: "date of birth",
    levels: dateAgreementLevels.length,
    compare: (a, b) => {
      const agreement = compareDates(a.dateOfBirth, b.dateOfBirth);
      return agreement === "missing" ? MISSING_LEVEL : dateAgreementLevels.indexOf(agreement);
    },
  },
  { name: "sex", levels: 2, compare: (a, b) => equalLevel(a.sex, b.sex) },
  { name: "citizenship", levels: 2, compare: (a, b) => equalLevel(a.citizenship, b.citizenship) },
  { name: "document number", levels: 3, compare: (a, b) => codeLevel(a.documentNumber, b.documentNumber) },
  { name: "postcode", levels: 3, compare: (a, b) => codeLevel(a.postcode, b.postcode) },
  { name: "address", levels: 3, compare: (a, b) => textLevel(a.address, b.address) },
  { name: "locality", levels: 3, compare: (a, b) => textLevel(a.locality, b.locality) },
];

/** The house number and the first word of the street: typing errors rarely hit both. */
function streetKey(address: string): string | undefined {
  const [number, street] = address.split(" ");
  return number && street && /\d/.test(number) ? `${number} ${street}` : undefined;
}

function fullDate(date: PartialDate | undefined): string {
  return date?.day === undefined ? "" : `${date.year}-${date.month}-${date.day}`;
}

/**
 * Independent keys, so one mistyped field does not hide a match: both phonetic name keys (in
 * either order, for swapped names), the full date of birth, the document number, the postcode
 * with the first letter of either name, and the house number with the street.
 */
export const personBlockingKeys: readonly BlockingKey<PreparedPerson>[] = [
  (p) => (p.givenKey && p.surnameKey ? [p.givenKey, p.surnameKey].sort().join(" ") : undefined),
  (p) => fullDate(p.dateOfBirth),
  (p) => p.documentNumber,
  (p) =>
    p.postcode
      ? [p.givenName.charAt(0), p.surname.charAt(0)].filter((c) => c).map((c) => `${p.postcode} ${c}`)
      : undefined,
  (p) => streetKey(p.address),
];
