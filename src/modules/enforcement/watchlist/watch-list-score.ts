import {
  type FellegiSunterModel,
  levelWeights,
  MISSING_LEVEL,
  nameKeys,
  type PersonForMatching,
  type PreparedPerson,
  personBlockingKeys,
  personComparisons,
  preparePerson,
} from "../../people/index.js";

/** A person as a watch list or a case describes them: several names, partial dates, several documents. */
export interface WatchedPerson {
  names: string[];
  birthDate: string | null;
  sex: string | null;
  citizenships: string[];
  documentNumbers: string[];
}

/**
 * The fixed Fellegi-Sunter model of watch-list checks, one row per field of `personComparisons`
 * (levels weakest first). Not estimated by EM: a check compares one person with a few candidates,
 * too few pairs to learn from, and the weights must be the same every day for an officer to read
 * them. The m rows say how often the listed person's own records agree at each level (names and
 * dates are sometimes mistyped, another passport is common); the u rows how often a stranger's
 * do (a shared surname is rarer than a shared given name). The address fields are never compared.
 */
const watchListModel: FellegiSunterModel = {
  m: [
    [0.03, 0.07, 0.1, 0.8], // given name: different, similar, close, equal
    [0.03, 0.07, 0.1, 0.8], // surname
    [0.03, 0.12, 0.03, 0.02, 0.8], // date of birth: different, partial, one digit, swapped, exact
    [0.02, 0.98], // sex
    [0.1, 0.9], // citizenship
    [0.3, 0.1, 0.6], // document number: different, one character off, equal
    [0.5, 0.25, 0.25], // postcode (never compared)
    [0.5, 0.25, 0.25], // address (never compared)
    [0.5, 0.25, 0.25], // locality (never compared)
  ],
  u: [
    [0.9, 0.07, 0.02, 0.01],
    [0.95, 0.04, 0.007, 0.003],
    [0.95, 0.045, 0.003, 0.001, 0.001],
    [0.5, 0.5],
    [0.8, 0.2],
    [0.999, 0.0009, 0.0001],
    [0.5, 0.25, 0.25],
    [0.5, 0.25, 0.25],
    [0.5, 0.25, 0.25],
  ],
  matchProportion: 0.001,
};

/** log2(m/u) for every field and level of the watch-list model. */
export const watchListWeights = levelWeights(watchListModel);

/** The names of each field's levels, weakest first, as the hold records them. */
const levelNames: Record<string, readonly string[]> = {
  "given name": ["different", "similar", "close", "equal"],
  surname: ["different", "similar", "close", "equal"],
  "date of birth": ["different", "partial", "one-digit", "swapped", "exact"],
  sex: ["different", "equal"],
  citizenship: ["different", "equal"],
  "document number": ["different", "one-character", "equal"],
};

/** How one field agreed and what it weighed: `missing` when either side did not say. */
export interface FieldAgreement {
  field: string;
  level: string;
  weight: number;
}

export interface WatchListScore {
  score: number;
  fields: FieldAgreement[];
}

/** Names read across scripts: Мамедов, Мәммәдов, Məmmədov and MAMMADOV compare as one. */
const crossScript = {
  normalise: (name: string) => nameKeys(name).comparable,
  phoneticKey: (normalised: string) => nameKeys(normalised).phonetic,
};

/**
 * The readings of one written name: the first word as given name and the rest as surname (the
 * comparison crosses them when they were written the other way round).
 */
function nameParts(name: string): { givenName: string; surname: string } {
  const words = name.trim().split(/\s+/u);
  return { givenName: words[0] ?? "", surname: words.slice(1).join(" ") };
}

function prepared(person: WatchedPerson, name: string, citizenship: string, document: string) {
  const fields: PersonForMatching = { ...nameParts(name) };
  if (person.birthDate) fields.dateOfBirth = person.birthDate;
  if (person.sex) fields.sex = person.sex;
  if (citizenship) fields.citizenship = citizenship;
  if (document) fields.documentNumber = document;
  return preparePerson(fields, crossScript);
}

/** Every combination of a person's names, citizenships and documents (one empty value when none). */
function readings(person: WatchedPerson): PreparedPerson[] {
  const orNone = (values: string[]) => (values.length > 0 ? values : [""]);
  return orNone(person.names).flatMap((name) =>
    orNone(person.citizenships).flatMap((citizenship) =>
      orNone(person.documentNumbers).map((document) => prepared(person, name, citizenship, document)),
    ),
  );
}

function scoreOf(a: PreparedPerson, b: PreparedPerson): WatchListScore {
  const fields: FieldAgreement[] = [];
  let score = 0;
  personComparisons.forEach((comparison, index) => {
    const names = levelNames[comparison.name];
    if (!names) return;
    const level = comparison.compare(a, b);
    const weight = level === MISSING_LEVEL ? 0 : (watchListWeights[index]?.[level] ?? 0);
    score += weight;
    fields.push({
      field: comparison.name,
      level: level === MISSING_LEVEL ? "missing" : (names[level] ?? String(level)),
      weight: Math.round(weight * 100) / 100,
    });
  });
  return { score: Math.round(score * 100) / 100, fields };
}

/** The best score of any reading of the person against any reading of the entry. */
export function scoreAgainstEntry(person: WatchedPerson, entry: WatchedPerson): WatchListScore {
  let best: WatchListScore | null = null;
  const entryReadings = readings(entry);
  for (const left of readings(person)) {
    for (const right of entryReadings) {
      const scored = scoreOf(left, right);
      if (!best || scored.score > best.score) best = scored;
    }
  }
  return best ?? { score: 0, fields: [] };
}

/**
 * The blocking keys of a person: the people module's person keys on every reading (numbered, so
 * that keys of different kinds never meet), and the phonetic key of each word of each name, so
 * that a name with a patronymic still meets the same name without one.
 */
export function watchListKeys(person: WatchedPerson): string[] {
  const keys = new Set<string>();
  for (const reading of readings(person)) {
    personBlockingKeys.forEach((key, index) => {
      const value = key(reading);
      const values = value === undefined ? [] : typeof value === "string" ? [value] : value;
      for (const one of values) if (one) keys.add(`${index}:${one}`);
    });
  }
  for (const name of person.names) {
    for (const word of nameKeys(name).phonetic.split(" ")) if (word) keys.add(`w:${word}`);
  }
  return [...keys];
}
