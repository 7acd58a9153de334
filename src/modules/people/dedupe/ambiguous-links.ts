import type { Queryable } from "../../../platform/db/index.js";
import { matchProfiles } from "../register/repository.js";
import type { DuplicatePair } from "./duplicate-pair.js";
import {
  type ComparablePerson,
  comparablePerson,
  scorePair,
  type ValueAgreementWeights,
} from "./pair-scorer.js";

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * Sends to review the links of a person who links two persons that are not one: a record that
 * knows little (a common name, only a birth year, no document) scores as a link with several
 * namesakes, and clustering would chain them all into one person. For every person linked to two
 * or more, the linked persons are compared with each other; when two of them score below the
 * review threshold (the matcher sees two people), all links of the person in the middle go to
 * review instead. Changes the bands of `pairs` in place and returns how many links it demoted.
 */
export async function demoteAmbiguousLinks(
  db: Queryable,
  pairs: DuplicatePair[],
  weights: number[][],
  reviewThreshold: number,
  names?: ValueAgreementWeights,
): Promise<number> {
  const linked = new Map<string, string[]>();
  const links = new Set<string>();
  const linkTo = (from: string, to: string) => {
    const others = linked.get(from);
    if (others) others.push(to);
    else linked.set(from, [to]);
  };
  for (const pair of pairs) {
    if (pair.band !== "link") continue;
    const [a, b] = pair.personIds;
    links.add(pairKey(a, b));
    linkTo(a, b);
    linkTo(b, a);
  }
  const hubs = [...linked].filter(([, others]) => others.length > 1);
  const ambiguous = new Set<string>();
  // A thousand persons in the middle at a time: their linked persons' profiles are all that is held.
  for (let index = 0; index < hubs.length; index += 1000) {
    const batch = hubs.slice(index, index + 1000);
    const people = new Map<string, ComparablePerson>();
    const ids = [...new Set(batch.flatMap(([, others]) => others))];
    for (let start = 0; start < ids.length; start += 1000) {
      for (const profile of await matchProfiles(db, ids.slice(start, start + 1000))) {
        people.set(profile.id, comparablePerson(profile));
      }
    }
    for (const [hub, others] of batch) {
      if (linksTwoPersons(others, people, links, weights, reviewThreshold, names)) ambiguous.add(hub);
    }
  }
  let demoted = 0;
  for (const pair of pairs) {
    if (pair.band === "link" && (ambiguous.has(pair.personIds[0]) || ambiguous.has(pair.personIds[1]))) {
      pair.band = "review";
      demoted++;
    }
  }
  return demoted;
}

/** Whether two of the persons one person links to score below the review threshold with each other. */
function linksTwoPersons(
  others: string[],
  people: Map<string, ComparablePerson>,
  links: Set<string>,
  weights: number[][],
  reviewThreshold: number,
  names: ValueAgreementWeights | undefined,
): boolean {
  for (let i = 0; i < others.length; i++) {
    for (let j = i + 1; j < others.length; j++) {
      const a = people.get(others[i] as string);
      const b = people.get(others[j] as string);
      if (!a || !b || links.has(pairKey(a.id, b.id))) continue;
      if (scorePair(a, b, weights, names).score < reviewThreshold) return true;
    }
  }
  return false;
}
