import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { anyOf, type Database, type Queryable, queryRows } from "../../../platform/db/index.js";
import type { RegisterChangeFollower, RegisterLinkChange } from "../entry/register-changes.js";
import {
  blockingKeysOf,
  normalisedBirthDate,
  normalisedCode,
  normalisedDocumentNumber,
  type PersonOccurrence,
} from "../register/occurrence.js";
import { addWhatIsNew } from "../register/repository.js";

/** A person of an import's persons.csv, as the register is told of them. */
export interface ImportedPerson {
  importPersonId: string;
  /** ISO 3166-1 alpha-2; null when unknown or stateless. */
  citizenship: string | null;
  sex: string | null;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
  documentNumber: string | null;
}

export interface ImportLinking {
  /** Persons of the batch linked now (a second run links none). */
  persons: number;
  /** Linked to the register person the same previous-system id was linked to by an earlier batch. */
  byEarlierBatch: number;
  /** Linked to the one register person holding the same document number. */
  byDocument: number;
  /** Entered as new register persons. */
  created: number;
}

type How = "auto" | "new";
interface Link {
  importPersonId: string;
  personId: string;
  how: How;
}

const personsPerStep = 5_000;

/**
 * Links the persons of an import batch to the person register, in bulk. Imported records carry
 * citizenship, sex and birth date and, at most, a document number, but no name: too little for the
 * matcher's scores, which would send every common birth date to review. So the rule is strict:
 * 1. a previous-system id already linked by an earlier batch is the same person (as it always was to
 *    the statistics: `import:<id>`);
 * 2. a document number held by exactly one register person, whose citizenships do not contradict
 *    the import's, is that person (what the import says is added to the person);
 * 3. anyone else is a new register person (persons of one batch sharing a document number: one).
 * New persons get the blocking key of their document only: a person known by no name and a birth
 * date would otherwise be a candidate of every applicant born that day. Runs in one transaction with
 * the follower (official statistics), so the links and the re-keyed records commit together.
 */
export async function linkImportedPersons(
  db: Database,
  follow: RegisterChangeFollower,
  batchId: string,
  persons: readonly ImportedPerson[],
  options: { at?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportLinking> {
  const at = options.at ?? new Date();
  return db.transaction(async (tx) => {
    const summary: ImportLinking = { persons: 0, byEarlierBatch: 0, byDocument: 0, created: 0 };
    const createdByDocument = new Map<string, string>();
    const changes = new Map<string, string[]>();
    for (let index = 0; index < persons.length; index += personsPerStep) {
      const step = persons.slice(index, index + personsPerStep);
      const links = await linkStep(tx, batchId, step, { at, createdByDocument, summary });
      for (const link of links)
        changes.set(link.personId, [...(changes.get(link.personId) ?? []), link.importPersonId]);
      options.onProgress?.(Math.min(index + personsPerStep, persons.length), persons.length);
    }
    const followed: RegisterLinkChange[] = [...changes].map(([personId, importPersonIds]) => ({
      kind: "imported",
      batchId,
      importPersonIds,
      personId,
    }));
    await follow(tx, followed);
    return summary;
  });
}

async function linkStep(
  tx: Queryable,
  batchId: string,
  persons: readonly ImportedPerson[],
  state: { at: Date; createdByDocument: Map<string, string>; summary: ImportLinking },
): Promise<Link[]> {
  const ids = persons.map((person) => person.importPersonId);
  const linkedBefore = await queryRows<{ import_person_id: string; person_id: string; same_batch: boolean }>(
    tx,
    // Joined, not `= any(…)`: no index leads from a previous-system id alone to its links, and a
    // scan comparing each link with thousands of ids grew with the register (seconds per step).
    sql`select distinct on (l.import_person_id) l.import_person_id, l.person_id, l.batch_id = ${batchId}::uuid as same_batch
      from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as wanted(id)
      join people_import_links l on l.import_person_id = wanted.id
      order by l.import_person_id, l.batch_id = ${batchId}::uuid desc, l.linked_at, l.id`,
  );
  const before = new Map(linkedBefore.map((row) => [row.import_person_id, row]));
  const links: Link[] = [];
  const unlinked: ImportedPerson[] = [];
  for (const person of persons) {
    const earlier = before.get(person.importPersonId);
    if (earlier?.same_batch) continue;
    if (earlier)
      links.push({ importPersonId: person.importPersonId, personId: earlier.person_id, how: "auto" });
    else unlinked.push(person);
  }
  state.summary.byEarlierBatch += links.length;
  const byDocument = await holdersOfDocuments(tx, unlinked);
  const fresh: ImportedPerson[] = [];
  for (const person of unlinked) {
    const holder = byDocument.get(person.importPersonId);
    if (!holder) {
      fresh.push(person);
      continue;
    }
    await addWhatIsNew(tx, holder, occurrenceOf(person), state.at);
    links.push({ importPersonId: person.importPersonId, personId: holder, how: "auto" });
    state.summary.byDocument += 1;
  }
  links.push(...(await createPersons(tx, fresh, state)));
  await insertLinks(tx, batchId, links, state.at);
  state.summary.persons += links.length;
  return links;
}

function occurrenceOf(person: ImportedPerson): PersonOccurrence {
  return {
    citizenship: person.citizenship ?? undefined,
    sex: person.sex === "F" || person.sex === "M" ? person.sex : undefined,
    birthDate: person.birthDate ?? undefined,
    document: person.documentNumber ? { number: person.documentNumber, type: "travel-document" } : undefined,
  };
}

/** The one register person holding each person's document number, where exactly one does and no citizenship contradicts. */
async function holdersOfDocuments(
  tx: Queryable,
  persons: readonly ImportedPerson[],
): Promise<Map<string, string>> {
  const numbered = persons.flatMap((person) => {
    const number = person.documentNumber ? normalisedDocumentNumber(person.documentNumber) : "";
    return number ? [{ person, number }] : [];
  });
  const holders = new Map<string, string>();
  if (numbered.length === 0) return holders;
  const rows = await queryRows<{ number: string; person_id: string; citizenships: string[] }>(
    tx,
    sql`select distinct d.number, p.id as person_id, p.citizenships from people_documents d
      join people_persons p on p.id = d.person_id and p.merged_into is null
      where d.number = ${anyOf([...new Set(numbered.map((entry) => entry.number))])}`,
  );
  const byNumber = new Map<string, Array<{ personId: string; citizenships: string[] }>>();
  for (const row of rows) {
    byNumber.set(row.number, [
      ...(byNumber.get(row.number) ?? []),
      { personId: row.person_id, citizenships: row.citizenships },
    ]);
  }
  for (const { person, number } of numbered) {
    const citizenship = normalisedCode(person.citizenship);
    const fitting = (byNumber.get(number) ?? []).filter(
      (holder) =>
        !citizenship || holder.citizenships.length === 0 || holder.citizenships.includes(citizenship),
    );
    const [only] = fitting;
    if (only && fitting.length === 1) holders.set(person.importPersonId, only.personId);
  }
  return holders;
}

/** New register persons, one per person of the step (one per document number shared within the batch). */
async function createPersons(
  tx: Queryable,
  persons: readonly ImportedPerson[],
  state: { at: Date; createdByDocument: Map<string, string>; summary: ImportLinking },
): Promise<Link[]> {
  const links: Link[] = [];
  const rows: Array<{ id: string; sex: string | null; birth_date: string | null; citizenships: string[] }> =
    [];
  const documents: Array<{ id: string; person_id: string; number: string }> = [];
  const keys: Array<{ key: string; person_id: string }> = [];
  for (const person of persons) {
    const number = person.documentNumber ? normalisedDocumentNumber(person.documentNumber) : "";
    const known = number ? state.createdByDocument.get(number) : undefined;
    if (known) {
      links.push({ importPersonId: person.importPersonId, personId: known, how: "new" });
      continue;
    }
    const id = randomUUID();
    const citizenship = normalisedCode(person.citizenship);
    const sex = normalisedCode(person.sex);
    rows.push({
      id,
      sex: sex === "F" || sex === "M" ? sex : null,
      birth_date: normalisedBirthDate(person.birthDate),
      citizenships: citizenship ? [citizenship] : [],
    });
    if (number) {
      state.createdByDocument.set(number, id);
      documents.push({ id: randomUUID(), person_id: id, number });
      const view = { name: undefined, birthDate: null, sex: null, citizenship: null, documentNumber: number };
      for (const key of blockingKeysOf(view)) keys.push({ key, person_id: id });
    }
    links.push({ importPersonId: person.importPersonId, personId: id, how: "new" });
  }
  state.summary.created += rows.length;
  if (rows.length > 0) {
    await tx.execute(sql`insert into people_persons (id, created_at, sex, birth_date, citizenships)
      select id, ${state.at.toISOString()}::timestamptz, sex, birth_date, array(select jsonb_array_elements_text(citizenships))
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, sex text, birth_date text, citizenships jsonb)`);
  }
  if (documents.length > 0) {
    await tx.execute(sql`insert into people_documents (id, person_id, type, number, added_at)
      select id, person_id, 'travel-document', number, ${state.at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(documents)}::jsonb) as r(id uuid, person_id uuid, number text)`);
  }
  if (keys.length > 0) {
    await tx.execute(sql`insert into people_keys (key, person_id)
      select key, person_id from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as r(key text, person_id uuid)`);
  }
  return links;
}

async function insertLinks(tx: Queryable, batchId: string, links: Link[], at: Date): Promise<void> {
  if (links.length === 0) return;
  const rows = links.map((link) => ({
    id: randomUUID(),
    person_id: link.personId,
    import_person_id: link.importPersonId,
    how: link.how,
  }));
  await tx.execute(sql`insert into people_import_links (id, person_id, batch_id, import_person_id, linked_at, how)
    select id, person_id, ${batchId}::uuid, import_person_id, ${at.toISOString()}::timestamptz, how
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, person_id uuid, import_person_id text, how text)`);
}
