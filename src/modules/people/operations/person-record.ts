import { asc, eq, or } from "drizzle-orm";
import type { PgColumn, SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Queryable } from "../../../platform/db/index.js";
import { NotFoundError } from "../../../platform/errors/index.js";
import { type AuditActor, recordAudit } from "../../access/index.js";
import { isRegisterId } from "../register/ids.js";
import type { RecordRegister } from "../register/occurrence.js";
import { type LinkHow, survivorOf } from "../register/repository.js";
import {
  peopleCaseLinks,
  peopleDocuments,
  peopleImportLinks,
  peopleMerges,
  peopleNames,
  peoplePersons,
  peopleRecordLinks,
  peopleRelations,
} from "../schema.js";

export interface PersonRecord {
  /** The id asked for; `person.id` differs when that person has been merged into another. */
  requestedId: string;
  person: {
    id: string;
    createdAt: Date;
    sex: string | null;
    birthDate: string | null;
    citizenships: string[];
  };
  /** Persons merged into this one (and not undone). */
  mergedFrom: string[];
  names: Array<{
    id: string;
    givenNames: string | null;
    familyName: string | null;
    fullName: string | null;
    script: string;
    addedAt: Date;
  }>;
  documents: Array<{
    id: string;
    type: string;
    number: string;
    issuingState: string | null;
    expiry: string | null;
    addedAt: Date;
  }>;
  /** Relations in both directions: `personId` is this person or `relatedPersonId` is. */
  relations: Array<{ id: string; personId: string; relatedPersonId: string; kind: string; addedAt: Date }>;
  caseLinks: Array<{ caseId: string; role: string; slot: number; linkedAt: Date; how: LinkHow }>;
  importLinks: Array<{ batchId: string; importPersonId: string; linkedAt: Date; how: LinkHow }>;
  /** Records of other registers naming the person: detention placements, readmission requests. */
  recordLinks: Array<{ register: RecordRegister; recordId: string; linkedAt: Date; how: LinkHow }>;
  /** Every merge this person took part in, as survivor or as merged, undone ones included. */
  merges: Array<{
    id: string;
    survivorId: string;
    mergedId: string;
    at: Date;
    by: string;
    reason: string;
    undoneAt: Date | null;
    undoneBy: string | null;
  }>;
}

/** Who reads a person's record: every read is written to the audit trail. */
export interface RecordViewer {
  actor: AuditActor;
  agencyId?: string | null | undefined;
  ip?: string | undefined;
  requestId?: string | undefined;
}

/**
 * Everything the register holds about a person (the survivor, when the id asked for was merged
 * into another), for an officer's person page. The read is audited: personal data.
 */
export async function personRecord(
  db: Queryable,
  personId: string,
  viewer: RecordViewer,
): Promise<PersonRecord> {
  const person = isRegisterId(personId) ? await survivorOf(db, personId) : undefined;
  if (!person) throw new NotFoundError("person_not_found");
  const id = person.id;
  const { mergedFrom, ...rows } = await personRows(db, id);
  await recordAudit(db, {
    actor: viewer.actor,
    action: "people.person.viewed",
    outcome: "success",
    entityType: "person",
    entityId: id,
    agencyId: viewer.agencyId,
    ip: viewer.ip,
    requestId: viewer.requestId,
    details: personId === id ? undefined : { requestedId: personId },
  });
  return {
    requestedId: personId,
    person: {
      id,
      createdAt: person.createdAt,
      sex: person.sex,
      birthDate: person.birthDate,
      citizenships: person.citizenships,
    },
    mergedFrom: mergedFrom.map((row) => row.id),
    ...rows,
  };
}

/** The tables whose rows belong to one person, each read in the order its rows were added. */
type PersonRows =
  | typeof peopleNames
  | typeof peopleDocuments
  | typeof peopleCaseLinks
  | typeof peopleImportLinks
  | typeof peopleRecordLinks;

/** `fields` of the person's rows of `table`, oldest first (ties by id, so the order is stable). */
async function rowsOf<Fields extends SelectedFields>(
  db: Queryable,
  id: string,
  table: PersonRows,
  fields: Fields,
  addedAt: PgColumn,
): Promise<Array<SelectResultFields<Fields>>> {
  const rows = await db
    .select(fields)
    .from(table)
    .where(eq(table.personId, id))
    .orderBy(asc(addedAt), asc(table.id));
  // Drizzle cannot type a select from a union of tables; the rows hold exactly the fields asked for.
  return rows as Array<SelectResultFields<Fields>>;
}

/**
 * Everything the register holds about the person: names, documents, relations (either way), where the
 * person appears (cases, imports, other registers' records), the merges it took part in, and the
 * persons merged into it.
 */
async function personRows(db: Queryable, id: string) {
  const { givenNames, familyName, fullName, script } = peopleNames;
  const names = await rowsOf(
    db,
    id,
    peopleNames,
    { id: peopleNames.id, givenNames, familyName, fullName, script, addedAt: peopleNames.addedAt },
    peopleNames.addedAt,
  );
  const { type, number, issuingState, expiry } = peopleDocuments;
  const documents = await rowsOf(
    db,
    id,
    peopleDocuments,
    { id: peopleDocuments.id, type, number, issuingState, expiry, addedAt: peopleDocuments.addedAt },
    peopleDocuments.addedAt,
  );
  const { caseId, role, slot } = peopleCaseLinks;
  const caseLinks = await rowsOf(
    db,
    id,
    peopleCaseLinks,
    { caseId, role, slot, linkedAt: peopleCaseLinks.linkedAt, how: peopleCaseLinks.how },
    peopleCaseLinks.linkedAt,
  );
  const { batchId, importPersonId } = peopleImportLinks;
  const importLinks = await rowsOf(
    db,
    id,
    peopleImportLinks,
    { batchId, importPersonId, linkedAt: peopleImportLinks.linkedAt, how: peopleImportLinks.how },
    peopleImportLinks.linkedAt,
  );
  const { register, recordId } = peopleRecordLinks;
  const recordLinks = await rowsOf(
    db,
    id,
    peopleRecordLinks,
    { register, recordId, linkedAt: peopleRecordLinks.linkedAt, how: peopleRecordLinks.how },
    peopleRecordLinks.linkedAt,
  );
  const relations = await db
    .select()
    .from(peopleRelations)
    .where(or(eq(peopleRelations.personId, id), eq(peopleRelations.relatedPersonId, id)))
    .orderBy(asc(peopleRelations.addedAt), asc(peopleRelations.id));
  const merges = await db
    .select({
      id: peopleMerges.id,
      survivorId: peopleMerges.survivorId,
      mergedId: peopleMerges.mergedId,
      at: peopleMerges.at,
      by: peopleMerges.by,
      reason: peopleMerges.reason,
      undoneAt: peopleMerges.undoneAt,
      undoneBy: peopleMerges.undoneBy,
    })
    .from(peopleMerges)
    .where(or(eq(peopleMerges.survivorId, id), eq(peopleMerges.mergedId, id)))
    .orderBy(asc(peopleMerges.at), asc(peopleMerges.id));
  const mergedFrom = await db
    .select({ id: peoplePersons.id })
    .from(peoplePersons)
    .where(eq(peoplePersons.mergedInto, id))
    .orderBy(asc(peoplePersons.id));
  return { names, documents, relations, caseLinks, importLinks, recordLinks, merges, mergedFrom };
}
