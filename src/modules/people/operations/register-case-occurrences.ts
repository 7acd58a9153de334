import { randomUUID } from "node:crypto";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Queryable } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import { levelWeights } from "../matching/fellegi-sunter.js";
import {
  blockingKeysOf,
  type MatchView,
  matchViewOf,
  nameOfOccurrence,
  normalisedBirthDate,
  normalisedCode,
  normalisedDocumentNumber,
  type PersonOccurrence,
  sourceKeyOf,
} from "../register/occurrence.js";
import { preciserBirthDate } from "../register/repository.js";
import {
  bestCandidates,
  type ComparableProfile,
  defaultRegisterModel,
  keysOfProfile,
} from "../register/scoring.js";
import type { Candidate } from "./find-candidates.js";
import {
  type LockedPerson,
  lockBlockingKeys,
  lockedPerson,
  type RegisterSnapshot,
  registerSnapshot,
} from "./register-batch-reads.js";
import { RegisterWrites } from "./register-batch-writes.js";
import type { RegisterOptions, Registration } from "./register-occurrence.js";

/** One person a case declares, in its role and slot. */
export interface CaseOccurrence {
  occurrence: PersonOccurrence;
  role: string;
  slot: number;
}

/** The bounds of `findCandidates`' defaults: persons per key, persons scored, candidates kept. */
const capPerKey = 50;
const scoredAtMost = 100;
const candidatesKept = 10;

/**
 * The strongest of a person's blocking keys, the one two submissions of the same person most surely
 * share and two different persons least often: the document, else the name with the birth year, else
 * the birth date, else the name.
 */
function strongestKey(keys: string[]): string | undefined {
  for (const prefix of ["d:", "ny:", "b:", "n:"]) {
    const key = keys.find((one) => one.startsWith(prefix));
    if (key) return key;
  }
  return undefined;
}

/** The persons sharing the keys, each once, those sharing the most first (as `personIdsSharingKeys`). */
function idsSharingKeys(keys: string[], holders: Map<string, string[]>): string[] {
  const shared = new Map<string, number>();
  for (const key of keys) {
    for (const personId of holders.get(key) ?? []) shared.set(personId, (shared.get(personId) ?? 0) + 1);
  }
  return [...shared]
    .sort((a, b) => b[1] - a[1])
    .slice(0, scoredAtMost)
    .map(([personId]) => personId);
}

/** Where a source registered before stands (as `registerOccurrence` tells it on a repeat). */
interface Standing {
  link?: { personId: string; how: string };
  review?: { id: string; candidates: unknown[] };
}

function registrationOfStanding(standing: Standing): Registration | undefined {
  if (standing.link) {
    const band = standing.link.how === "new" ? "new" : "linked";
    return { band, personId: standing.link.personId, reviewId: standing.review?.id ?? null, candidates: [] };
  }
  if (standing.review) {
    const candidates = standing.review.candidates as Candidate[];
    return { band: "review", personId: null, reviewId: standing.review.id, candidates };
  }
  return undefined;
}

const isTransaction = (db: Queryable) => db instanceof PgTransaction;

/** The persons one case declares, to be registered with the case as their source. */
export interface CaseOccurrences {
  caseId: string;
  persons: CaseOccurrence[];
}

/**
 * An occurrence's normalised view and blocking keys, worked out once: a submission asks for them
 * first for its locks, then to register.
 */
const viewsOfOccurrences = new WeakMap<PersonOccurrence, { view: MatchView; keys: string[] }>();

function viewOf(occurrence: PersonOccurrence): { view: MatchView; keys: string[] } {
  let known = viewsOfOccurrences.get(occurrence);
  if (!known) {
    const view = matchViewOf(occurrence);
    known = { view, keys: blockingKeysOf(view) };
    viewsOfOccurrences.set(occurrence, known);
  }
  return known;
}

function itemsOf(cases: CaseOccurrences[]) {
  return cases.flatMap(({ caseId, persons }, caseIndex) =>
    persons.map((person) => {
      const source = { kind: "case" as const, caseId, role: person.role, slot: person.slot };
      return { ...person, ...viewOf(person.occurrence), caseIndex, source, sourceKey: sourceKeyOf(source) };
    }),
  );
}

/**
 * The keys whose locks registering these cases' persons takes (see `blockingKeyLocks`): each
 * person's strongest key, whatever case declares it.
 */
export function registerLockKeys(cases: CaseOccurrences[]): string[] {
  const keys = new Set<string>();
  for (const { persons } of cases) {
    for (const { occurrence } of persons) {
      const key = strongestKey(viewOf(occurrence).keys);
      if (key !== undefined) keys.add(key);
    }
  }
  return [...keys];
}

export interface RegisterCasesOptions extends RegisterOptions {
  /**
   * The caller's transaction holds the locks of `registerLockKeys(cases)` already (taken in an
   * earlier statement of it): no statement of its own takes them.
   */
  keysLocked?: boolean;
  /**
   * What the persons are matched against, read by `readRegisterSnapshot` in the caller's
   * transaction once it held the keys' locks: the registration reads it no more.
   */
  snapshot?: RegisterSnapshot | undefined;
  /**
   * Called just before the registration's last statement (its write) is issued, when there is
   * one: a pipelined transaction sends its COMMIT with it (`TransactionPipeline`).
   */
  beforeLastWrite?: (() => void) | undefined;
}

/** What `registerSnapshot` reads for these cases' persons: their earlier registration, their keys' holders. */
function snapshotInputOf(cases: CaseOccurrences[], items: ReturnType<typeof itemsOf>) {
  return {
    caseIds: cases.map(({ caseId }) => caseId),
    sourceKeys: items.map((item) => item.sourceKey),
    keys: [...new Set(items.flatMap((item) => item.keys))],
    capPerKey,
  };
}

/**
 * Everything these cases' persons are matched against, for `registerCasesOccurrences`' `snapshot`:
 * read in a statement that begins once the transaction holds their keys' locks (a later one than
 * the locks', which may travel with it), so that it sees what a submission of the same persons
 * committed while this one waited.
 */
export function readRegisterSnapshot(db: Queryable, cases: CaseOccurrences[]): Promise<RegisterSnapshot> {
  return registerSnapshot(db, snapshotInputOf(cases, itemsOf(cases)));
}

/**
 * `registerOccurrence` for every person a case declares, with the same outcome as registering
 * them one after the other, in a handful of statements whatever their number: the blocking keys'
 * locks, one read of everything they are matched against, a locked read of each person linked to,
 * and one write. A person whose keys or candidates an earlier person of the same case changed is
 * matched again, after the writes so far, so that it sees the register as the one-by-one path does.
 * Runs in the caller's transaction (a submission's), or in one of its own.
 */
export async function registerCaseOccurrences(
  db: Queryable,
  caseId: string,
  persons: CaseOccurrence[],
  options: RegisterCasesOptions,
): Promise<Registration[]> {
  const [registrations] = await registerCasesOccurrences(db, [{ caseId, persons }], options);
  return registrations ?? [];
}

/**
 * `registerCaseOccurrences` for the cases of a batch, one case after the other as if each were
 * submitted alone, yet in the statements of one: every person's key locked at once, in one order
 * (two batches declaring the same persons in opposite orders cannot deadlock), one read of what
 * they all are matched against, one write, and a fresh read only for a person an earlier one (of
 * any case of the batch) changed the register for. Registrations by case, in the order given.
 */
export async function registerCasesOccurrences(
  db: Queryable,
  cases: CaseOccurrences[],
  options: RegisterCasesOptions,
): Promise<Registration[][]> {
  const registrations: Registration[][] = cases.map(() => []);
  if (cases.every(({ persons }) => persons.length === 0)) return registrations;
  if (!isTransaction(db)) {
    return db.transaction((tx) =>
      registerCasesOccurrences(tx, cases, { ...options, keysLocked: false, snapshot: undefined }),
    );
  }
  const at = options.at ?? new Date();
  const items = itemsOf(cases);
  if (!options.keysLocked) await lockBlockingKeys(db, registerLockKeys(cases));
  const snapshot = options.snapshot ?? (await registerSnapshot(db, snapshotInputOf(cases, items)));
  const weights = levelWeights(snapshot.model ?? defaultRegisterModel);
  const standings = new Map<string, Standing>();
  const standingOf = (key: string) => standings.get(key) ?? (standings.set(key, {}).get(key) as Standing);
  // The database answers with its own spelling of a case id: found again by the caller's.
  const caseIdOf = new Map(cases.map(({ caseId }) => [caseId.toLowerCase(), caseId]));
  for (const prior of snapshot.prior) {
    const caseId = caseIdOf.get(prior.caseId.toLowerCase()) ?? prior.caseId;
    const standing = standingOf(sourceKeyOf({ kind: "case", caseId, role: prior.role, slot: prior.slot }));
    if (prior.personId && prior.how) standing.link = { personId: prior.personId, how: prior.how };
    if (prior.reviewId) standing.review = { id: prior.reviewId, candidates: prior.candidates ?? [] };
  }
  const writes = new RegisterWrites();
  const writtenKeys = new Set<string>();
  const touched = new Set<string>();
  for (const item of items) {
    const registered = registrations[item.caseIndex] as Registration[];
    if (!item.view.name && !item.view.documentNumber) {
      await writes.flush(db);
      throw new DomainError("person_occurrence_empty", 422, "people.errors.person_occurrence_empty");
    }
    const before = registrationOfStanding(standingOf(item.sourceKey));
    if (before) {
      registered.push(before);
      continue;
    }
    let ids = idsSharingKeys(item.keys, snapshot.holders);
    let profiles = snapshot.profiles;
    if (item.keys.some((key) => writtenKeys.has(key)) || ids.some((id) => touched.has(id))) {
      // An earlier person of this batch changed what this one is matched against: read it afresh.
      await writes.flush(db);
      const fresh = await registerSnapshot(db, { caseIds: [], sourceKeys: [], keys: item.keys, capPerKey });
      ids = idsSharingKeys(item.keys, fresh.holders);
      profiles = fresh.profiles;
    }
    const known = ids
      .map((id) => profiles.get(id))
      .filter((one): one is ComparableProfile => one !== undefined);
    const candidates = bestCandidates(item.view, known, weights, candidatesKept);
    const best = candidates[0];
    const standing = standingOf(item.sourceKey);
    if (best && best.score >= options.thresholds.link) {
      if (touched.has(best.personId)) await writes.flush(db);
      const person = await lockedPerson(db, best.personId);
      if (!person) throw new Error(`person ${best.personId} is not in the register`);
      for (const key of addWhatIsNew(writes, person, item.occurrence, at)) writtenKeys.add(key);
      writes.linkCase({ ...linkRow(item.source, best.personId, at), how: "auto" });
      touched.add(best.personId);
      standing.link = { personId: best.personId, how: "auto" };
      registered.push({ band: "linked", personId: best.personId, reviewId: null, candidates });
      continue;
    }
    if (best && best.score >= options.thresholds.review) {
      const reviewId = randomUUID();
      writes.addReview({
        id: reviewId,
        source_key: item.sourceKey,
        source: { ...item.source },
        occurrence: { ...item.occurrence },
        case_id: item.source.caseId,
        candidates,
        created_at: at.toISOString(),
      });
      standing.review = { id: reviewId, candidates };
      registered.push({ band: "review", personId: null, reviewId, candidates });
      continue;
    }
    const personId = randomUUID();
    for (const key of createPerson(writes, personId, item.occurrence, at)) writtenKeys.add(key);
    writes.linkCase({ ...linkRow(item.source, personId, at), how: "new" });
    touched.add(personId);
    standing.link = { personId, how: "new" };
    registered.push({ band: "new", personId, reviewId: null, candidates });
  }
  if (writes.pending) options.beforeLastWrite?.();
  await writes.flush(db);
  return registrations;
}

function linkRow(source: { caseId: string; role: string; slot: number }, personId: string, at: Date) {
  const { caseId, role, slot } = source;
  return { id: randomUUID(), person_id: personId, case_id: caseId, role, slot, linked_at: at.toISOString() };
}

/** A new person with what the occurrence says; returns the keys written (as `createPerson`). */
function createPerson(writes: RegisterWrites, id: string, occurrence: PersonOccurrence, at: Date): string[] {
  const citizenship = normalisedCode(occurrence.citizenship);
  writes.addPerson({
    id,
    created_at: at.toISOString(),
    sex: normalisedCode(occurrence.sex),
    birth_date: normalisedBirthDate(occurrence.birthDate),
    citizenships: citizenship ? [citizenship] : [],
  });
  const fresh: LockedPerson = {
    id,
    mergedInto: null,
    sex: normalisedCode(occurrence.sex),
    birthDate: normalisedBirthDate(occurrence.birthDate),
    citizenships: citizenship ? [citizenship] : [],
    names: [],
    documents: [],
    keys: [],
  };
  return addWhatIsNew(writes, fresh, occurrence, at);
}

const sameName = (a: LockedPerson["names"][number], b: NonNullable<ReturnType<typeof nameOfOccurrence>>) =>
  (a.givenNames ?? null) === (b.givenNames ?? null) &&
  (a.familyName ?? null) === (b.familyName ?? null) &&
  (a.fullName ?? null) === (b.fullName ?? null);

/**
 * What `addWhatIsNew` writes, computed from the locked person: a citizenship, a sex or a more
 * precise birth date, a new spelling of the name, a new document, then the missing blocking keys.
 * Returns the keys written.
 */
function addWhatIsNew(
  writes: RegisterWrites,
  person: LockedPerson,
  occurrence: PersonOccurrence,
  at: Date,
): string[] {
  const citizenship = normalisedCode(occurrence.citizenship);
  const citizenships =
    citizenship && !person.citizenships.includes(citizenship)
      ? [...person.citizenships, citizenship]
      : person.citizenships;
  const birthDate = preciserBirthDate(person.birthDate, normalisedBirthDate(occurrence.birthDate));
  const sex = person.sex ?? normalisedCode(occurrence.sex);
  if (citizenships !== person.citizenships || birthDate !== person.birthDate || sex !== person.sex) {
    writes.updatePerson({ id: person.id, sex, birth_date: birthDate, citizenships });
  }
  const names = [...person.names];
  const name = nameOfOccurrence(occurrence);
  if (name && !names.some((known) => sameName(known, name))) {
    writes.addName(person.id, name, randomUUID(), at);
    names.push(name);
  }
  const documentNumbers = person.documents.map((document) => document.number);
  const number = occurrence.document ? normalisedDocumentNumber(occurrence.document.number) : "";
  if (occurrence.document && number) {
    const type = occurrence.document.type ?? "passport";
    if (!person.documents.some((known) => known.number === number && known.type === type)) {
      writes.addDocument({
        id: randomUUID(),
        person_id: person.id,
        type,
        number,
        issuing_state: normalisedCode(occurrence.document.issuingState),
        expiry: occurrence.document.expiry ?? null,
        added_at: at.toISOString(),
      });
      documentNumbers.push(number);
    }
  }
  // A person merged into another has no profile to key (as `addMissingKeys` finds none).
  if (person.mergedInto) return [];
  const profile = { id: person.id, birthDate, sex, citizenships, names, documentNumbers };
  const existing = new Set(person.keys);
  const missing = keysOfProfile(profile).filter((key) => !existing.has(key));
  writes.addKeys(person.id, missing);
  return missing;
}
