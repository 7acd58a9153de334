import { dateAgreementLevels } from "../matching/compare-dates.js";
import { type FellegiSunterModel, MISSING_LEVEL } from "../matching/fellegi-sunter.js";
import type { FieldComparison } from "../matching/link-records.js";
import { type PreparedPerson, personComparisons } from "../matching/person-comparisons.js";
import { blockingKeysOf, type MatchView, type NameForRegister, preparedOf } from "./occurrence.js";

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

/** A registered person as the matcher reads it: every name, document and citizenship known. */
export interface MatchProfile {
  id: string;
  birthDate: string | null;
  sex: string | null;
  citizenships: string[];
  names: NameForRegister[];
  documentNumbers: string[];
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
function viewsOf(profile: MatchProfile, citizenship: string | null): MatchView[] {
  const shared = {
    birthDate: profile.birthDate,
    sex: profile.sex,
    // A person with several citizenships agrees with an occurrence naming any of them.
    citizenship:
      citizenship && profile.citizenships.includes(citizenship)
        ? citizenship
        : (profile.citizenships[0] ?? null),
  };
  const names = profile.names.length > 0 ? profile.names : [undefined];
  const documents = profile.documentNumbers.length > 0 ? profile.documentNumbers : [null];
  return names.flatMap((name) => documents.map((documentNumber) => ({ ...shared, name, documentNumber })));
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

/**
 * The occurrence against a registered person: the best score over the person's names and documents
 * (a person known under a maiden name and a new passport matches under either), with each field's
 * agreement.
 */
export function scoreAgainst(view: MatchView, profile: MatchProfile, weights: number[][]): ScoredComparison {
  const prepared = preparedOf(view);
  let best: { score: number; levels: number[] } | undefined;
  for (const candidateView of viewsOf(profile, view.citizenship)) {
    const levels = levelsOf(prepared, preparedOf(candidateView));
    const score = scoreOf(levels, weights);
    if (!best || score > best.score) best = { score, levels };
  }
  const chosen = best ?? { score: 0, levels: registerComparisons.map(() => MISSING_LEVEL) };
  return {
    score: chosen.score,
    levels: chosen.levels,
    fields: chosen.levels.map((level, field) => ({
      field: registerFieldNames[field] ?? String(field),
      agreement: level === MISSING_LEVEL ? "missing" : (registerLevelNames[field]?.[level] ?? String(level)),
      weight: level === MISSING_LEVEL ? 0 : (weights[field]?.[level] ?? 0),
    })),
  };
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
export function keysOfProfile(profile: MatchProfile): string[] {
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
