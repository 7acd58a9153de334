import { dateAgreementLevels } from "../matching/compare-dates.js";
import { type FellegiSunterModel, MISSING_LEVEL } from "../matching/fellegi-sunter.js";
import type { FieldComparison } from "../matching/link-records.js";
import { type PreparedPerson, personComparisons } from "../matching/person-comparisons.js";
import {
  blockingKeysOf,
  type ComparableName,
  type MatchView,
  type NameForRegister,
  preparedOf,
} from "./occurrence.js";

/** The fields the register holds and compares: the matcher's person fields without the address. */
const registerFieldNames = [
  "given name",
  "surname",
  "date of birth",
  "sex",
  "citizenship",
  "document number",
];

export const registerComparisons: readonly FieldComparison<PreparedPerson>[] = registerFieldNames.map(
  (name) => {
    const comparison = personComparisons.find((one) => one.name === name);
    if (!comparison) throw new Error(`the matcher has no field ${name}`);
    return comparison;
  },
);

/** The words for each field's levels, weakest first, as the candidates list shows them. */
export const registerLevelNames: readonly (readonly string[])[] = [
  ["different", "similar", "close", "equal"],
  ["different", "similar", "close", "equal"],
  dateAgreementLevels,
  ["different", "equal"],
  ["different", "equal"],
  ["different", "one-typo", "equal"],
];

/**
 * The weights used until the register has estimated its own (estimateRegisterModel). m: how often
 * a field agrees at each level for the same person; u: for two different persons who share a
 * blocking key. Reasoned, not measured: names equal for 80% of a person's records and for 2% of
 * different persons; a full date of birth shared by 1 in 2,000 different persons; a document
 * number by 1 in 100,000, while 15% of a person's records carry another document (a new passport).
 * Their log2 ratios: names equal +5.3 each, date equal +10.8, document equal +16.3, names
 * different −4.5 each, date different −4.6.
 */
export const defaultRegisterModel: FellegiSunterModel = {
  m: [
    [0.04, 0.06, 0.1, 0.8],
    [0.04, 0.06, 0.1, 0.8],
    [0.04, 0.04, 0.04, 0.01, 0.87],
    [0.02, 0.98],
    [0.05, 0.95],
    [0.15, 0.05, 0.8],
  ],
  u: [
    [0.9, 0.06, 0.02, 0.02],
    [0.9, 0.06, 0.02, 0.02],
    [0.97, 0.027, 0.002, 0.0005, 0.0005],
    [0.5, 0.5],
    [0.8, 0.2],
    [0.9999, 0.00009, 0.00001],
  ],
  matchProportion: 0.1,
};

/** A registered person as the matcher compares it: every name's keys, document and citizenship known. */
export interface ComparableProfile {
  id: string;
  birthDate: string | null;
  sex: string | null;
  citizenships: string[];
  names: ComparableName[];
  documentNumbers: string[];
}

/** A registered person as the matcher reads it: every name as written, document and citizenship known. */
export interface MatchProfile extends ComparableProfile {
  names: NameForRegister[];
}

export interface FieldAgreement {
  field: string;
  /** The level's word (`equal`, `close`, `swapped`…), or `missing` when either side is unknown. */
  agreement: string;
  weight: number;
}

export interface ScoredComparison {
  score: number;
  levels: number[];
  fields: FieldAgreement[];
}

/** The views of a person to compare with: one per name and document, so that the best one counts. */
function viewsOf(profile: ComparableProfile, citizenship: string | null): MatchView[] {
  const shared = {
    birthDate: profile.birthDate,
    sex: profile.sex,
    citizenship: citizenshipOfProfile(profile, citizenship),
  };
  const names = profile.names.length > 0 ? profile.names : [undefined];
  const documents = profile.documentNumbers.length > 0 ? profile.documentNumbers : [null];
  return names.flatMap((name) => documents.map((documentNumber) => ({ ...shared, name, documentNumber })));
}

/** A person with several citizenships agrees with an occurrence naming any of them. */
function citizenshipOfProfile(profile: ComparableProfile, citizenship: string | null): string | null {
  return citizenship && profile.citizenships.includes(citizenship)
    ? citizenship
    : (profile.citizenships[0] ?? null);
}

function levelsOf(a: PreparedPerson, b: PreparedPerson): number[] {
  return registerComparisons.map((comparison) => comparison.compare(a, b));
}

function scoreOf(levels: number[], weights: number[][]): number {
  let score = 0;
  levels.forEach((level, field) => {
    if (level !== MISSING_LEVEL) score += weights[field]?.[level] ?? 0;
  });
  return score;
}

/** A field's weight at a level, 0 when either side is unknown. */
const weightOf = (weights: number[][], field: number, level: number) =>
  level === MISSING_LEVEL ? 0 : (weights[field]?.[level] ?? 0);

const GIVEN = 0;
const SURNAME = 1;
const DOCUMENT = 5;
const sharedFields = [2, 3, 4];

/** The score and levels of the best view; the first one on a tie, as the views come in `viewsOf`. */
interface BestView {
  score: number;
  levels: number[];
}

/**
 * The plain computation: every view compared on every field. What `bestView` gives faster, and the
 * way taken when a weight is infinite (an estimate of 0), where sums may not be ordered.
 */
function bestViewByViews(
  prepared: PreparedPerson,
  views: MatchView[],
  weights: number[][],
): BestView | undefined {
  let best: BestView | undefined;
  for (const candidateView of views) {
    const levels = levelsOf(prepared, preparedOf(candidateView));
    const score = scoreOf(levels, weights);
    if (!best || score > best.score) best = { score, levels };
  }
  return best;
}

/**
 * The best view of a person, with the same result as comparing every view (`bestViewByViews`). The
 * names decide only the two name fields and the documents only the document field, so each name
 * and each document is compared once instead of once per pair. The sum runs in field order with
 * the document last: a view's score is fl(A + d), A the sum of its name's and the shared fields'
 * weights, d its document's, and floating-point addition never reverses an order. So the best
 * score is fl(max A + max d), and the first view reaching it (names before documents, as the
 * views come) is in the first name's row that reaches it, at the first document that does.
 */
function bestView(
  view: MatchView,
  prepared: PreparedPerson,
  profile: ComparableProfile,
  weights: number[][],
): BestView | undefined {
  const names = profile.names.length > 0 ? profile.names : [undefined];
  const documents = profile.documentNumbers.length > 0 ? profile.documentNumbers : [null];
  const shared = {
    birthDate: profile.birthDate,
    sex: profile.sex,
    citizenship: citizenshipOfProfile(profile, view.citizenship),
  };
  const base = preparedOf({ ...shared, name: names[0], documentNumber: documents[0] ?? null });
  const sharedLevels = sharedFields.map(
    (field) => registerComparisons[field]?.compare(prepared, base) ?? MISSING_LEVEL,
  );
  const nameLevels = names.map((name) => {
    const other = name === names[0] ? base : { ...base, ...preparedNameOf(name) };
    return [
      registerComparisons[GIVEN]?.compare(prepared, other) ?? MISSING_LEVEL,
      registerComparisons[SURNAME]?.compare(prepared, other) ?? MISSING_LEVEL,
    ];
  });
  const documentLevels = documents.map(
    (documentNumber) =>
      registerComparisons[DOCUMENT]?.compare(prepared, {
        ...base,
        documentNumber: documentNumber?.toLowerCase() ?? "",
      }) ?? MISSING_LEVEL,
  );
  const prefixes = nameLevels.map(([given = MISSING_LEVEL, surname = MISSING_LEVEL]) => {
    let sum = 0;
    if (given !== MISSING_LEVEL) sum += weightOf(weights, GIVEN, given);
    if (surname !== MISSING_LEVEL) sum += weightOf(weights, SURNAME, surname);
    sharedFields.forEach((field, index) => {
      const level = sharedLevels[index] ?? MISSING_LEVEL;
      if (level !== MISSING_LEVEL) sum += weightOf(weights, field, level);
    });
    return sum;
  });
  const documentWeights = documentLevels.map((level) => weightOf(weights, DOCUMENT, level));
  if (![...prefixes, ...documentWeights].every(Number.isFinite)) {
    return bestViewByViews(prepared, viewsOf(profile, shared.citizenship), weights);
  }
  const bestDocument = Math.max(...documentWeights);
  const best = Math.max(...prefixes) + bestDocument;
  const row = prefixes.findIndex((prefix) => prefix + bestDocument === best);
  const prefix = prefixes[row] as number;
  const column = documentWeights.findIndex((document) => prefix + document === best);
  const [given, surname] = nameLevels[row] as number[];
  return {
    score: best,
    levels: [given as number, surname as number, ...sharedLevels, documentLevels[column] as number],
  };
}

/** The name fields of a prepared person, from a registered name. */
function preparedNameOf(name: ComparableName | undefined) {
  return {
    givenName: name?.givenComparable ?? "",
    surname: name?.familyComparable ?? "",
    givenKey: name?.givenPhonetic ?? "",
    surnameKey: name?.familyPhonetic ?? "",
  };
}

/** Each field's agreement in words, with its weight, as a candidate shows it. */
export function fieldAgreements(levels: number[], weights: number[][]): FieldAgreement[] {
  return levels.map((level, field) => ({
    field: registerFieldNames[field] ?? String(field),
    agreement: level === MISSING_LEVEL ? "missing" : (registerLevelNames[field]?.[level] ?? String(level)),
    weight: weightOf(weights, field, level),
  }));
}

/** The occurrence's best score against a registered person and its levels, without the words. */
export function scoreLevelsAgainst(
  view: MatchView,
  prepared: PreparedPerson,
  profile: ComparableProfile,
  weights: number[][],
): BestView {
  return (
    bestView(view, prepared, profile, weights) ?? {
      score: 0,
      levels: registerComparisons.map(() => MISSING_LEVEL),
    }
  );
}

/**
 * The occurrence against a registered person: the best score over the person's names and documents
 * (a person known under a maiden name and a new passport matches under either), with each field's
 * agreement.
 */
export function scoreAgainst(
  view: MatchView,
  profile: ComparableProfile,
  weights: number[][],
): ScoredComparison {
  const chosen = scoreLevelsAgainst(view, preparedOf(view), profile, weights);
  return { ...chosen, fields: fieldAgreements(chosen.levels, weights) };
}

/** A registered person as a candidate for an occurrence: its score and each field's agreement. */
export interface RankedCandidate {
  personId: string;
  /** The sum of the fields' log2 likelihood ratios: above 0 the same person is the likelier reading. */
  score: number;
  fields: FieldAgreement[];
}

/**
 * The best candidates among the persons, highest score first (by id on a tie), each scored as
 * `scoreAgainst` scores it; the words of agreement are worked out only for those kept.
 */
export function bestCandidates(
  view: MatchView,
  profiles: ComparableProfile[],
  weights: number[][],
  kept: number,
): RankedCandidate[] {
  const prepared = preparedOf(view);
  return profiles
    .map((profile) => ({ personId: profile.id, ...scoreLevelsAgainst(view, prepared, profile, weights) }))
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
    .slice(0, kept)
    .map(({ personId, score, levels }) => ({ personId, score, fields: fieldAgreements(levels, weights) }));
}

/** The plain computation of `scoreAgainst`: every view of the person compared, for the tests. */
export function scoreAgainstByViews(
  view: MatchView,
  profile: ComparableProfile,
  weights: number[][],
): ScoredComparison {
  const chosen = bestViewByViews(preparedOf(view), viewsOf(profile, view.citizenship), weights) ?? {
    score: 0,
    levels: registerComparisons.map(() => MISSING_LEVEL),
  };
  return { ...chosen, fields: fieldAgreements(chosen.levels, weights) };
}

/** Two registered persons compared: the best over the first one's names and documents. */
export function compareProfiles(a: MatchProfile, b: MatchProfile, weights: number[][]): ScoredComparison {
  let best: ScoredComparison | undefined;
  for (const view of viewsOf(a, b.citizenships[0] ?? null)) {
    const scored = scoreAgainst(view, b, weights);
    if (!best || scored.score > best.score) best = scored;
  }
  return best ?? scoreAgainst(viewsOf(a, null)[0] as MatchView, b, weights);
}

/** The blocking keys of everything a person is known by: each name with the birth date, each document. */
export function keysOfProfile(profile: ComparableProfile): string[] {
  const keys = new Set<string>();
  const none = { sex: null, citizenship: null };
  const names = profile.names.length > 0 ? profile.names : [undefined];
  for (const name of names) {
    for (const key of blockingKeysOf({ ...none, name, birthDate: profile.birthDate, documentNumber: null })) {
      keys.add(key);
    }
  }
  for (const documentNumber of profile.documentNumbers) {
    for (const key of blockingKeysOf({ ...none, name: undefined, birthDate: null, documentNumber }))
      keys.add(key);
  }
  return [...keys];
}
