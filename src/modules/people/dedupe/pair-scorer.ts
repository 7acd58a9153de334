import { MISSING_LEVEL } from "../matching/fellegi-sunter.js";
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

const CITIZENSHIP = registerComparisons.findIndex((comparison) => comparison.name === "citizenship");

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
 * Two registered persons compared, with the same result as `compareProfiles` (the best score over
 * both persons' names and documents, the first best on a tie): the citizenship each side is read
 * with does not depend on the view, so it is compared once and the views only on the other fields.
 */
export function scorePair(a: ComparablePerson, b: ComparablePerson, weights: number[][]): PairScore {
  const wanted = b.citizenships[0] ?? null;
  const citizenshipOfA = wanted && a.citizenships.includes(wanted) ? wanted : (a.citizenships[0] ?? null);
  const citizenshipOfB =
    citizenshipOfA && b.citizenships.includes(citizenshipOfA) ? citizenshipOfA : (b.citizenships[0] ?? null);
  const citizenshipLevel =
    registerComparisons[CITIZENSHIP]?.compare(
      citizenshipOnly(citizenshipOfA),
      citizenshipOnly(citizenshipOfB),
    ) ?? MISSING_LEVEL;
  let best: PairScore | undefined;
  for (const viewA of a.views) {
    for (const viewB of b.views) {
      const levels = registerComparisons.map((comparison, field) =>
        field === CITIZENSHIP ? citizenshipLevel : comparison.compare(viewA, viewB),
      );
      let score = 0;
      for (let field = 0; field < levels.length; field++) {
        const level = levels[field] as number;
        if (level !== MISSING_LEVEL) score += weights[field]?.[level] ?? 0;
      }
      if (!best || score > best.score) best = { score, levels };
    }
  }
  return best as PairScore;
}
