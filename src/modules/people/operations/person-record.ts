import { asc, eq, or } from "drizzle-orm";
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
  const { names, documents, relations } = await identityRows(db, id);
  const { caseLinks, importLinks, recordLinks, merges, mergedFrom } = await linkRows(db, id);
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
    names,
    documents,
    relations,
    caseLinks,
    importLinks,
    recordLinks,
    merges,
  };
}

/** The person's names, documents and relations. */
async function identityRows(db: Queryable, id: string) {
  const names = await db
    .select({
      id: peopleNames.id,
      givenNames: peopleNames.givenNames,
      familyName: peopleNames.familyName,
      fullName: peopleNames.fullName,
      script: peopleNames.script,
      addedAt: peopleNames.addedAt,
    })
    .from(peopleNames)
    .where(eq(peopleNames.personId, id))
    .orderBy(asc(peopleNames.addedAt), asc(peopleNames.id));
  const documents = await db
    .select({
      id: peopleDocuments.id,
      type: peopleDocuments.type,
      number: peopleDocuments.number,
      issuingState: peopleDocuments.issuingState,
      expiry: peopleDocuments.expiry,
      addedAt: peopleDocuments.addedAt,
    })
    .from(peopleDocuments)
    .where(eq(peopleDocuments.personId, id))
    .orderBy(asc(peopleDocuments.addedAt), asc(peopleDocuments.id));
  const relations = await db
    .select()
    .from(peopleRelations)
    .where(or(eq(peopleRelations.personId, id), eq(peopleRelations.relatedPersonId, id)))
    .orderBy(asc(peopleRelations.addedAt), asc(peopleRelations.id));
  return { names, documents, relations };
}

/** Where the person appears (cases, imports, other registers' records) and the merges it took part in. */
async function linkRows(db: Queryable, id: string) {
  const caseLinks = await db
    .select({
      caseId: peopleCaseLinks.caseId,
      role: peopleCaseLinks.role,
      slot: peopleCaseLinks.slot,
      linkedAt: peopleCaseLinks.linkedAt,
      how: peopleCaseLinks.how,
    })
    .from(peopleCaseLinks)
    .where(eq(peopleCaseLinks.personId, id))
    .orderBy(asc(peopleCaseLinks.linkedAt), asc(peopleCaseLinks.id));
  const importLinks = await db
    .select({
      batchId: peopleImportLinks.batchId,
      importPersonId: peopleImportLinks.importPersonId,
      linkedAt: peopleImportLinks.linkedAt,
      how: peopleImportLinks.how,
    })
    .from(peopleImportLinks)
    .where(eq(peopleImportLinks.personId, id))
    .orderBy(asc(peopleImportLinks.linkedAt), asc(peopleImportLinks.id));
  const recordLinks = await db
    .select({
      register: peopleRecordLinks.register,
      recordId: peopleRecordLinks.recordId,
      linkedAt: peopleRecordLinks.linkedAt,
      how: peopleRecordLinks.how,
    })
    .from(peopleRecordLinks)
    .where(eq(peopleRecordLinks.personId, id))
    .orderBy(asc(peopleRecordLinks.linkedAt), asc(peopleRecordLinks.id));
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
  return { caseLinks, importLinks, recordLinks, merges, mergedFrom };
}
