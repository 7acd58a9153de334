import { MISSING_LEVEL } from "../matching/fellegi-sunter.js";
import type { ValueWeights } from "../matching/name-frequency.js";
import type { PreparedPerson } from "../matching/person-comparisons.js";
import { preparedOf } from "../register/occurrence.js";
import { type MatchProfile, registerComparisons } from "../register/scoring.js";

/**
 * A registered person made ready for many comparisons: its views (one per name and document, as
 * `compareProfiles` reads them) prepared once instead of once per pair.
 */
export interface ComparablePerson {
  id: string;
  citizenships: string[];
  views: PreparedPerson[];
}

/**
 * The weights of agreement value by value (common names and birth dates weigh less than rare ones),
 * counted from the register by `registerValueWeights`: full agreement on a given name and on a
 * family name; the same birth date (by the date both know, `1980-05-12`, `1980-05` or `1980`); and
 * a compatible one (by the part both know: a record knowing only the year agrees with every
 * namesake born that year, which is many in a large register).
 */
export interface ValueAgreementWeights {
  given: ValueWeights;
  family: ValueWeights;
  birthDate?: { same: ValueWeights; compatible: ValueWeights };
}

const fieldOf = (name: string) => registerComparisons.findIndex((comparison) => comparison.name === name);
const GIVEN = fieldOf("given name");
const FAMILY = fieldOf("surname");
const DATE = fieldOf("date of birth");
const SEX = fieldOf("sex");
const CITIZENSHIP = fieldOf("citizenship");
const DOCUMENT = fieldOf("document number");
/** The names' level of full agreement, whose weight depends on the value. */
const NAME_EQUAL = 3;
const DATE_LEVEL = { different: 0, partial: 1, oneDigit: 2, swapped: 3, exact: 4 } as const;

const two = (n: number) => String(n).padStart(2, "0");

/** A parsed birth date written again as the register holds it (`normalisedBirthDate`). */
function dateText(date: PreparedPerson["dateOfBirth"]): string {
  if (!date) return "";
  const year = String(date.year).padStart(4, "0");
  if (date.month === undefined) return year;
  return date.day === undefined
    ? `${year}-${two(date.month)}`
    : `${year}-${two(date.month)}-${two(date.day)}`;
}

/** The weight of a birth-date level by the date's value: the same date, or the part of it both know. */
function dateWeight(
  level: number,
  a: string,
  b: string,
  weights: number[][],
  dates: ValueAgreementWeights["birthDate"],
): number {
  if (dates && level === DATE_LEVEL.exact) return dates.same.of(a);
  if (dates && level === DATE_LEVEL.partial) return dates.compatible.of(a.length <= b.length ? a : b);
  return weights[DATE]?.[level] ?? 0;
}

export function comparablePerson(profile: MatchProfile): ComparablePerson {
  const names = profile.names.length > 0 ? profile.names : [undefined];
  const documents = profile.documentNumbers.length > 0 ? profile.documentNumbers : [null];
  const views = names.flatMap((name) =>
    documents.map((documentNumber) =>
      preparedOf({ name, documentNumber, birthDate: profile.birthDate, sex: profile.sex, citizenship: null }),
    ),
  );
  return { id: profile.id, citizenships: profile.citizenships, views };
}

export interface PairScore {
  score: number;
  levels: number[];
}

const citizenshipOnly = (code: string | null) =>
  ({ citizenship: code?.toLowerCase() ?? "" }) as PreparedPerson;

/**
 * The citizenship level of two persons: the first side read with the other's first citizenship
 * when it holds it, the other with the first side's, as `compareProfiles` reads them.
 */
function citizenshipLevel(a: ComparablePerson, b: ComparablePerson): number {
  const wanted = b.citizenships[0] ?? null;
  const citizenshipOfA = wanted && a.citizenships.includes(wanted) ? wanted : (a.citizenships[0] ?? null);
  const citizenshipOfB =
    citizenshipOfA && b.citizenships.includes(citizenshipOfA) ? citizenshipOfA : (b.citizenships[0] ?? null);
  return (
    registerComparisons[CITIZENSHIP]?.compare(
      citizenshipOnly(citizenshipOfA),
      citizenshipOnly(citizenshipOfB),
    ) ?? MISSING_LEVEL
  );
}

/** The weight of one field's level: agreement on a name or a birth date weighs by the value when `names` is given. */
function fieldWeight(
  field: number,
  level: number,
  view: PreparedPerson,
  other: PreparedPerson,
  weights: number[][],
  names: ValueAgreementWeights | undefined,
): number {
  if (field === DATE && names?.birthDate)
    return dateWeight(
      level,
      dateText(view.dateOfBirth),
      dateText(other.dateOfBirth),
      weights,
      names.birthDate,
    );
  if (names && level === NAME_EQUAL) {
    if (field === GIVEN) return names.given.of(view.givenName);
    if (field === FAMILY) return names.family.of(view.surname);
  }
  return weights[field]?.[level] ?? 0;
}

/**
 * Two registered persons compared, with the same result as `compareProfiles` (the best score over
 * both persons' names and documents, the first best on a tie): the citizenship each side is read
 * with does not depend on the view, so it is compared once and the views only on the other fields.
 * With `names`, full agreement on a name weighs as common or rare as the first person's name is.
 * The plain computation: `PairScorer` gives the same, faster.
 */
export function scorePair(
  a: ComparablePerson,
  b: ComparablePerson,
  weights: number[][],
  names?: ValueAgreementWeights,
): PairScore {
  const citizenship = citizenshipLevel(a, b);
  let best: PairScore | undefined;
  for (const viewA of a.views) {
    for (const viewB of b.views) {
      const levels = registerComparisons.map((comparison, field) =>
        field === CITIZENSHIP ? citizenship : comparison.compare(viewA, viewB),
      );
      let score = 0;
      for (let field = 0; field < levels.length; field++) {
        const level = levels[field] as number;
        if (level !== MISSING_LEVEL) score += fieldWeight(field, level, viewA, viewB, weights, names);
      }
      if (!best || score > best.score) best = { score, levels };
    }
  }
  return best as PairScore;
}

/** A person ready for `PairScorer`: each view's name as a number, the birth date as digits. */
export interface ScorablePerson extends ComparablePerson {
  nameIds: Int32Array;
  /** The birth date as the number YYYYMMDD (an unknown month or day 00), -1 when unknown. */
  date: number;
  /** The birth date as the register writes it, "" when unknown. */
  dateText: string;
  sex: string;
  documents: string[];
}

/** Name pairs whose levels are kept at most; then the cache starts again (a register's names repeat). */
const CACHED_NAME_PAIRS = 1 << 22;
const DOCUMENT_LEVEL = { different: 0, oneTypo: 1, equal: 2 } as const;

/** How many of the eight decimal digits of two YYYYMMDD numbers differ. */
function differingDigits(a: number, b: number): number {
  let count = 0;
  for (let digit = 0; digit < 8; digit++) {
    if (a % 10 !== b % 10) count++;
    a = Math.floor(a / 10);
    b = Math.floor(b / 10);
  }
  return count;
}

/** `compareDates` on YYYYMMDD numbers (an unknown part 00), as a level of the date field. */
export function dateLevel(a: number, b: number): number {
  if (a < 0 || b < 0) return MISSING_LEVEL;
  if (a === b) return DATE_LEVEL.exact;
  const yearA = Math.floor(a / 10000);
  const yearB = Math.floor(b / 10000);
  const monthA = Math.floor(a / 100) % 100;
  const monthB = Math.floor(b / 100) % 100;
  const dayA = a % 100;
  const dayB = b % 100;
  const fullA = dayA !== 0;
  const fullB = dayB !== 0;
  if (fullA && fullB) {
    if (yearA === yearB && monthA === dayB && dayA === monthB) return DATE_LEVEL.swapped;
    return differingDigits(a, b) === 1 ? DATE_LEVEL.oneDigit : DATE_LEVEL.different;
  }
  if (yearA !== yearB) {
    const samePrecision = (monthA === 0) === (monthB === 0) && fullA === fullB;
    return samePrecision && monthA === monthB && differingDigits(a, b) === 1
      ? DATE_LEVEL.oneDigit
      : DATE_LEVEL.different;
  }
  return monthA === 0 || monthB === 0 || monthA === monthB ? DATE_LEVEL.partial : DATE_LEVEL.different;
}

/** The document field's levels: equal, one character replaced or two neighbours swapped, different. */
export function documentLevel(a: string, b: string): number {
  if (a === "" || b === "") return MISSING_LEVEL;
  if (a === b) return DOCUMENT_LEVEL.equal;
  if (a.length !== b.length) return DOCUMENT_LEVEL.different;
  let first = -1;
  let differences = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (differences === 0) first = i;
    if (++differences > 2) return DOCUMENT_LEVEL.different;
  }
  if (differences === 1) return DOCUMENT_LEVEL.oneTypo;
  return a.charCodeAt(first) === b.charCodeAt(first + 1) && a.charCodeAt(first + 1) === b.charCodeAt(first)
    ? DOCUMENT_LEVEL.oneTypo
    : DOCUMENT_LEVEL.different;
}

const dateNumber = (date: PreparedPerson["dateOfBirth"]) =>
  date ? date.year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0) : -1;

/**
 * The deduplication's scorer: the same scores and levels as `scorePair`, several times faster. Names
 * come from a few thousand values repeated over the register, so each distinct name is numbered
 * once and the levels of two names (Jaro-Winkler, crossed names) are computed once per pair of
 * names; the birth date, sex and citizenship, the same in every view of a person, are compared once
 * per pair of persons, the date as a number. `levels` holds the levels of the last scored pair
 * (copy to keep).
 */
export class PairScorer {
  readonly levels: number[] = registerComparisons.map(() => MISSING_LEVEL);
  /** Each distinct name's number, by given name then family name (the phonetic keys follow from them). */
  private readonly nameIds = new Map<string, Map<string, number>>();
  private nameCount = 0;
  /** Per name number, the packed levels against the names compared with it so far. */
  private nameLevels: Array<Map<number, number> | undefined> = [];
  private cachedPairs = 0;
  private readonly flat: Float64Array;
  private readonly width: number;

  constructor(
    private readonly weights: number[][],
    private readonly names?: ValueAgreementWeights,
  ) {
    this.width = Math.max(...weights.map((row) => row.length));
    this.flat = new Float64Array(weights.length * this.width);
    weights.forEach((row, field) => {
      row.forEach((weight, level) => {
        this.flat[field * this.width + level] = weight;
      });
    });
  }

  person(profile: MatchProfile): ScorablePerson {
    const { views } = comparablePerson(profile);
    const nameIds = new Int32Array(views.length);
    const documents: string[] = [];
    for (let index = 0; index < views.length; index++) {
      const view = views[index] as PreparedPerson;
      let byFamily = this.nameIds.get(view.givenName);
      if (!byFamily) {
        byFamily = new Map();
        this.nameIds.set(view.givenName, byFamily);
      }
      let id = byFamily.get(view.surname);
      if (id === undefined) {
        id = this.nameCount++;
        byFamily.set(view.surname, id);
      }
      nameIds[index] = id;
      documents.push(view.documentNumber);
    }
    const first = views[0] as PreparedPerson;
    return {
      id: profile.id,
      citizenships: profile.citizenships,
      views,
      nameIds,
      date: dateNumber(first.dateOfBirth),
      dateText: dateText(first.dateOfBirth),
      sex: first.sex,
      documents,
    };
  }

  /** The levels of given name (low byte) and family name (next byte) of two views. */
  private nameLevelsOf(a: PreparedPerson, b: PreparedPerson, idA: number, idB: number): number {
    let known = this.nameLevels[idA];
    const cached = known?.get(idB);
    if (cached !== undefined) return cached;
    const given = registerComparisons[GIVEN]?.compare(a, b) ?? MISSING_LEVEL;
    const family = registerComparisons[FAMILY]?.compare(a, b) ?? MISSING_LEVEL;
    const packed = given | (family << 8);
    if (this.cachedPairs >= CACHED_NAME_PAIRS) {
      this.nameLevels = [];
      this.cachedPairs = 0;
      known = undefined;
    }
    if (!known) {
      known = new Map();
      this.nameLevels[idA] = known;
    }
    known.set(idB, packed);
    this.cachedPairs++;
    return packed;
  }

  private weightOf(field: number, level: number): number {
    return this.flat[field * this.width + level] as number;
  }

  /** The pair's score (best over the views, the first best on a tie); its levels in `levels`. */
  score(a: ScorablePerson, b: ScorablePerson): number {
    const date = dateLevel(a.date, b.date);
    const sex = a.sex === "" || b.sex === "" ? MISSING_LEVEL : a.sex === b.sex ? 1 : 0;
    const citizenship = citizenshipLevel(a, b);
    const names = this.names;
    const dateWeighs =
      date === MISSING_LEVEL ? 0 : dateWeight(date, a.dateText, b.dateText, this.weights, names?.birthDate);
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < a.views.length; i++) {
      const viewA = a.views[i] as PreparedPerson;
      const documentA = a.documents[i] as string;
      for (let j = 0; j < b.views.length; j++) {
        const viewB = b.views[j] as PreparedPerson;
        const packed = this.nameLevelsOf(viewA, viewB, a.nameIds[i] as number, b.nameIds[j] as number);
        const given = packed & 0xff;
        const family = packed >>> 8;
        const document = documentLevel(documentA, b.documents[j] as string);
        // Summed field by field in the order of scorePair, so that both give the same number.
        let score = 0;
        if (given !== MISSING_LEVEL)
          score +=
            names && given === NAME_EQUAL ? names.given.of(viewA.givenName) : this.weightOf(GIVEN, given);
        if (family !== MISSING_LEVEL)
          score +=
            names && family === NAME_EQUAL ? names.family.of(viewA.surname) : this.weightOf(FAMILY, family);
        if (date !== MISSING_LEVEL) score += dateWeighs;
        if (sex !== MISSING_LEVEL) score += this.weightOf(SEX, sex);
        if (citizenship !== MISSING_LEVEL) score += this.weightOf(CITIZENSHIP, citizenship);
        if (document !== MISSING_LEVEL) score += this.weightOf(DOCUMENT, document);
        // The first view pair is taken whatever its score (as in scorePair), later ones only when better.
        if ((i === 0 && j === 0) || score > best) {
          best = score;
          const levels = this.levels;
          levels[GIVEN] = given;
          levels[FAMILY] = family;
          levels[DATE] = date;
          levels[SEX] = sex;
          levels[CITIZENSHIP] = citizenship;
          levels[DOCUMENT] = document;
        }
      }
    }
    return best;
  }
}
