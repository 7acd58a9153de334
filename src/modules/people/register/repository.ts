import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";
import type { FellegiSunterModel } from "../matching/fellegi-sunter.js";
import {
  peopleCaseLinks,
  peopleDocuments,
  peopleImportLinks,
  peopleKeys,
  peopleModel,
  peopleNames,
  peoplePersons,
  peopleRecordLinks,
  peopleReviewItems,
} from "../schema.js";
import {
  type NameForRegister,
  nameOfOccurrence,
  normalisedBirthDate,
  normalisedCode,
  normalisedDocumentNumber,
  type OccurrenceSource,
  type PersonOccurrence,
} from "./occurrence.js";
import { keysOfProfile, type MatchProfile } from "./scoring.js";

/** How a source came to be linked: by the matcher, by an officer's review, as a new person, or moved by a merge. */
export type LinkHow = "auto" | "review" | "new" | "merge";

/**
 * The persons holding each key, at most `capPerKey` per key: each key is looked up in the index on
 * its own (a lateral join), so a key as common as a frequent name costs the cap and never a scan of
 * the register.
 */
export async function keyHolders(
  db: Queryable,
  keys: string[],
  capPerKey: number,
): Promise<Array<{ key: string; personId: string }>> {
  if (keys.length === 0) return [];
  const rows = await queryRows<{ key: string; person_id: string }>(
    db,
    sql`select wanted.key, found.person_id
      from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as wanted(key)
      cross join lateral (
        select person_id from people_keys where people_keys.key = wanted.key limit ${capPerKey}
      ) as found`,
  );
  return rows.map((row) => ({ key: row.key, personId: row.person_id }));
}

/**
 * The persons sharing any of the keys, each once: those sharing the most keys first, at most
 * `limit` of them, so that the scoring that follows has a bounded cost too.
 */
export async function personIdsSharingKeys(
  db: Queryable,
  keys: string[],
  options: { capPerKey: number; limit: number },
): Promise<string[]> {
  const shared = new Map<string, number>();
  for (const { personId } of await keyHolders(db, keys, options.capPerKey)) {
    shared.set(personId, (shared.get(personId) ?? 0) + 1);
  }
  return [...shared]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.limit)
    .map(([personId]) => personId);
}

interface ProfileRow {
  id: string;
  birth_date: string | null;
  sex: string | null;
  citizenships: string[];
  names: NameForRegister[];
  documents: string[];
}

/** The persons not merged into another, with every name and document number, in one statement. */
export async function matchProfiles(db: Queryable, ids: string[]): Promise<MatchProfile[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<ProfileRow>(
    db,
    sql`select p.id, p.birth_date, p.sex, to_jsonb(p.citizenships) as citizenships,
        coalesce((select jsonb_agg(jsonb_build_object(
            'givenNames', n.given_names, 'familyName', n.family_name, 'fullName', n.full_name,
            'script', n.script, 'givenComparable', n.given_comparable, 'familyComparable', n.family_comparable,
            'givenPhonetic', n.given_phonetic, 'familyPhonetic', n.family_phonetic) order by n.added_at, n.id)
          from people_names n where n.person_id = p.id), '[]'::jsonb) as names,
        coalesce((select jsonb_agg(d.number order by d.added_at, d.id)
          from people_documents d where d.person_id = p.id), '[]'::jsonb) as documents
      from people_persons p
      where p.id = ${anyOf(ids, "uuid")} and p.merged_into is null`,
  );
  return rows.map((row) => ({
    id: row.id,
    birthDate: row.birth_date,
    sex: row.sex,
    citizenships: row.citizenships,
    names: row.names,
    documentNumbers: row.documents,
  }));
}

export interface PersonRow {
  id: string;
  createdAt: Date;
  mergedInto: string | null;
  sex: string | null;
  birthDate: string | null;
  citizenships: string[];
}

export async function personById(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<PersonRow | undefined> {
  const query = db.select().from(peoplePersons).where(eq(peoplePersons.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** The person a merged one now lives on: follows `merged_into` to the end. */
export async function survivorOf(db: Queryable, id: string): Promise<PersonRow | undefined> {
  let person = await personById(db, id);
  const seen = new Set<string>();
  while (person?.mergedInto && !seen.has(person.id)) {
    seen.add(person.id);
    person = await personById(db, person.mergedInto);
  }
  return person;
}

/** The more precise of two compatible birth dates (`1990` then `1990-05-01`); the known one otherwise. */
export function preciserBirthDate(known: string | null, offered: string | null): string | null {
  if (!offered) return known;
  if (!known) return offered;
  return offered.length > known.length && offered.startsWith(known) ? offered : known;
}

export async function createPerson(tx: Queryable, occurrence: PersonOccurrence, at: Date): Promise<string> {
  const id = randomUUID();
  const citizenship = normalisedCode(occurrence.citizenship);
  await tx.insert(peoplePersons).values({
    id,
    createdAt: at,
    sex: normalisedCode(occurrence.sex),
    birthDate: normalisedBirthDate(occurrence.birthDate),
    citizenships: citizenship ? [citizenship] : [],
  });
  await addWhatIsNew(tx, id, occurrence, at);
  return id;
}

/**
 * Adds to a person what an occurrence says that the register did not know: a new spelling of the
 * name, a new document, a citizenship, a sex or a more precise birth date; then the blocking keys of
 * what it now knows. Nothing known is replaced.
 */
export async function addWhatIsNew(tx: Queryable, personId: string, occurrence: PersonOccurrence, at: Date) {
  const person = await personById(tx, personId, true);
  if (!person) throw new Error(`person ${personId} is not in the register`);
  const citizenship = normalisedCode(occurrence.citizenship);
  const citizenships =
    citizenship && !person.citizenships.includes(citizenship)
      ? [...person.citizenships, citizenship]
      : person.citizenships;
  const birthDate = preciserBirthDate(person.birthDate, normalisedBirthDate(occurrence.birthDate));
  const sex = person.sex ?? normalisedCode(occurrence.sex);
  if (citizenships !== person.citizenships || birthDate !== person.birthDate || sex !== person.sex) {
    await tx
      .update(peoplePersons)
      .set({ citizenships, birthDate, sex })
      .where(eq(peoplePersons.id, personId));
  }
  const name = nameOfOccurrence(occurrence);
  if (name) await addName(tx, personId, name, at);
  if (occurrence.document) await addDocument(tx, personId, occurrence.document, at);
  await addMissingKeys(tx, personId);
}

async function addName(tx: Queryable, personId: string, name: NameForRegister, at: Date) {
  const [known] = await queryRows<{ id: string }>(
    tx,
    sql`select id from people_names where person_id = ${personId}
      and given_names is not distinct from ${name.givenNames}
      and family_name is not distinct from ${name.familyName}
      and full_name is not distinct from ${name.fullName} limit 1`,
  );
  if (known) return;
  await tx.insert(peopleNames).values({ id: randomUUID(), personId, ...name, addedAt: at });
}

async function addDocument(
  tx: Queryable,
  personId: string,
  document: NonNullable<PersonOccurrence["document"]>,
  at: Date,
) {
  const number = normalisedDocumentNumber(document.number);
  if (!number) return;
  const type = document.type ?? "passport";
  const [known] = await tx
    .select({ id: peopleDocuments.id })
    .from(peopleDocuments)
    .where(
      and(
        eq(peopleDocuments.personId, personId),
        eq(peopleDocuments.number, number),
        eq(peopleDocuments.type, type),
      ),
    )
    .limit(1);
  if (known) return;
  await tx.insert(peopleDocuments).values({
    id: randomUUID(),
    personId,
    type,
    number,
    issuingState: normalisedCode(document.issuingState),
    expiry: document.expiry ?? null,
    addedAt: at,
  });
}

/**
 * The blocking keys of everything the person is known by (each name with the birth date, each
 * document), added where missing. Keys are never removed: one no longer true costs a candidate slot
 * at most, and rows that stay put keep a merge's undo exact.
 */
async function addMissingKeys(tx: Queryable, personId: string) {
  const [profile] = await matchProfiles(tx, [personId]);
  if (!profile) return;
  const wanted = new Set(keysOfProfile(profile));
  const existing = await tx
    .select({ key: peopleKeys.key })
    .from(peopleKeys)
    .where(eq(peopleKeys.personId, personId));
  for (const { key } of existing) wanted.delete(key);
  if (wanted.size > 0) await tx.insert(peopleKeys).values([...wanted].map((key) => ({ key, personId })));
}

export interface SourceLink {
  personId: string;
  how: LinkHow;
}

/** The link a source already has, if registered before. */
export async function linkOfSource(db: Queryable, source: OccurrenceSource): Promise<SourceLink | undefined> {
  if (source.kind === "case") {
    const [row] = await db
      .select({ personId: peopleCaseLinks.personId, how: peopleCaseLinks.how })
      .from(peopleCaseLinks)
      .where(
        and(
          eq(peopleCaseLinks.caseId, source.caseId),
          eq(peopleCaseLinks.role, source.role),
          eq(peopleCaseLinks.slot, source.slot ?? 0),
        ),
      );
    return row;
  }
  if (source.kind === "record") {
    const [row] = await db
      .select({ personId: peopleRecordLinks.personId, how: peopleRecordLinks.how })
      .from(peopleRecordLinks)
      .where(
        and(eq(peopleRecordLinks.register, source.register), eq(peopleRecordLinks.recordId, source.recordId)),
      );
    return row;
  }
  const [row] = await db
    .select({ personId: peopleImportLinks.personId, how: peopleImportLinks.how })
    .from(peopleImportLinks)
    .where(
      and(
        eq(peopleImportLinks.batchId, source.batchId),
        eq(peopleImportLinks.importPersonId, source.importPersonId),
      ),
    );
  return row;
}

export async function linkSource(
  tx: Queryable,
  source: OccurrenceSource,
  personId: string,
  how: LinkHow,
  at: Date,
) {
  const id = randomUUID();
  switch (source.kind) {
    case "case":
      await tx.insert(peopleCaseLinks).values({
        id,
        personId,
        caseId: source.caseId,
        role: source.role,
        slot: source.slot ?? 0,
        linkedAt: at,
        how,
      });
      return;
    case "import":
      await tx.insert(peopleImportLinks).values({
        id,
        personId,
        batchId: source.batchId,
        importPersonId: source.importPersonId,
        linkedAt: at,
        how,
      });
      return;
    case "record":
      await tx.insert(peopleRecordLinks).values({
        id,
        personId,
        register: source.register,
        recordId: source.recordId,
        linkedAt: at,
        how,
      });
      return;
  }
}

export interface ReviewItemRow {
  id: string;
  sourceKey: string;
  source: Record<string, unknown>;
  occurrence: Record<string, unknown>;
  caseId: string | null;
  candidates: unknown[];
  status: "open" | "linked" | "new";
  personId: string | null;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export async function reviewItemOfSource(
  db: Queryable,
  sourceKey: string,
): Promise<ReviewItemRow | undefined> {
  const [row] = await db.select().from(peopleReviewItems).where(eq(peopleReviewItems.sourceKey, sourceKey));
  return row;
}

export async function reviewItemById(db: Queryable, id: string, forUpdate = false) {
  const query = db.select().from(peopleReviewItems).where(eq(peopleReviewItems.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row as ReviewItemRow | undefined;
}

export interface StoredModel {
  model: FellegiSunterModel;
  estimatedAt: Date;
  pairsUsed: number;
}

export async function latestModel(db: Queryable): Promise<StoredModel | undefined> {
  const [row] = await db.select().from(peopleModel).orderBy(desc(peopleModel.id)).limit(1);
  if (!row) return undefined;
  return {
    model: row.weights as unknown as FellegiSunterModel,
    estimatedAt: row.estimatedAt,
    pairsUsed: row.pairsUsed,
  };
}
