import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type Database, queryRows, type Transaction } from "../../../platform/db/index.js";
import { ConflictError, DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { type AuditActor, recordAudit } from "../../access/index.js";
import { actorLabel } from "../register/actor.js";
import { isRegisterId } from "../register/ids.js";
import type { MergeSnapshot, PersonFields } from "../register/merge-snapshot.js";
import { type LinkHow, type PersonRow, personById, preciserBirthDate } from "../register/repository.js";
import {
  peopleCaseLinks,
  peopleDocuments,
  peopleImportLinks,
  peopleKeys,
  peopleMerges,
  peopleNames,
  peoplePersons,
  peopleRecordLinks,
  peopleRelations,
} from "../schema.js";

export interface MergeOutcome {
  mergeId: string;
  survivorId: string;
  mergedId: string;
}

const fieldsOf = (person: PersonRow): PersonFields => ({
  sex: person.sex,
  birthDate: person.birthDate,
  citizenships: person.citizenships,
});

/**
 * Merges two records of one person: every name, document, relation, case link, import link, link
 * to another register's record and blocking key of the merged person moves to the survivor, which also takes the sex, birth date and
 * citizenships it lacked. The merged person stays, pointing at the survivor (`merged_into`), and the
 * merge keeps what moved so that undoMerge restores it. Refused: a person into itself (422
 * `merge_same_person`), an unknown person (404 `person_not_found`), a person already merged (409
 * `person_already_merged`), no reason given (422 `merge_reason_required`).
 */
export async function mergePersons(
  db: Database,
  survivorId: string,
  mergedId: string,
  actor: AuditActor,
  reason: string,
  at: Date = new Date(),
): Promise<MergeOutcome> {
  if (survivorId === mergedId)
    throw new DomainError("merge_same_person", 422, "people.errors.merge_same_person");
  if (!reason.trim())
    throw new DomainError("merge_reason_required", 422, "people.errors.merge_reason_required");
  if (!isRegisterId(survivorId) || !isRegisterId(mergedId)) throw new NotFoundError("person_not_found");
  return db.transaction(async (tx) => {
    // Both rows locked in id order, so that two merges of the same pair cannot deadlock.
    const [first, second] = [survivorId, mergedId].sort();
    const locked = new Map<string, PersonRow | undefined>();
    for (const id of [first, second] as string[]) locked.set(id, await personById(tx, id, true));
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor || !merged) throw new NotFoundError("person_not_found");
    if (survivor.mergedInto || merged.mergedInto) {
      throw new ConflictError("person_already_merged", "people.errors.person_already_merged");
    }
    const survivorAfter = completedFields(survivor, merged);
    const snapshot: MergeSnapshot = {
      survivorBefore: fieldsOf(survivor),
      survivorAfter,
      moved: await moveRows(tx, mergedId, survivorId),
    };
    await tx.update(peoplePersons).set(survivorAfter).where(eq(peoplePersons.id, survivorId));
    await tx.update(peoplePersons).set({ mergedInto: survivorId }).where(eq(peoplePersons.id, mergedId));
    const mergeId = randomUUID();
    await tx.insert(peopleMerges).values({
      id: mergeId,
      survivorId,
      mergedId,
      at,
      by: actorLabel(actor),
      reason: reason.trim(),
      snapshot: { ...snapshot },
    });
    await recordAudit(tx, {
      actor,
      action: "people.merged",
      outcome: "success",
      entityType: "people_merge",
      entityId: mergeId,
      details: { survivorId, mergedId },
    });
    return { mergeId, survivorId, mergedId };
  });
}

/** The survivor's fields, completed from the merged person where the survivor knows less. */
function completedFields(survivor: PersonRow, merged: PersonRow): PersonFields {
  return {
    sex: survivor.sex ?? merged.sex,
    birthDate: preciserBirthDate(survivor.birthDate, merged.birthDate),
    citizenships: [...new Set([...survivor.citizenships, ...merged.citizenships])],
  };
}

async function moveRows(tx: Transaction, from: string, to: string): Promise<MergeSnapshot["moved"]> {
  const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);
  const names = await tx
    .update(peopleNames)
    .set({ personId: to })
    .where(eq(peopleNames.personId, from))
    .returning({ id: peopleNames.id });
  const documents = await tx
    .update(peopleDocuments)
    .set({ personId: to })
    .where(eq(peopleDocuments.personId, from))
    .returning({ id: peopleDocuments.id });
  const relationsFrom = await tx
    .update(peopleRelations)
    .set({ personId: to })
    .where(eq(peopleRelations.personId, from))
    .returning({ id: peopleRelations.id });
  const relationsTo = await tx
    .update(peopleRelations)
    .set({ relatedPersonId: to })
    .where(eq(peopleRelations.relatedPersonId, from))
    .returning({ id: peopleRelations.id });
  const caseLinks = await movedLinks(tx, "people_case_links", from, to);
  const importLinks = await movedLinks(tx, "people_import_links", from, to);
  const recordLinks = await movedLinks(tx, "people_record_links", from, to);
  const keys = await tx
    .update(peopleKeys)
    .set({ personId: to })
    .where(eq(peopleKeys.personId, from))
    .returning({ id: peopleKeys.id });
  return {
    names: ids(names),
    documents: ids(documents),
    relationsFrom: ids(relationsFrom),
    relationsTo: ids(relationsTo),
    caseLinks,
    importLinks,
    recordLinks,
    keys: keys.map((row) => row.id),
  };
}

const linkTables = {
  people_case_links: peopleCaseLinks,
  people_import_links: peopleImportLinks,
  people_record_links: peopleRecordLinks,
};

/** Moves a person's links, now made by the merge, returning how each had been made before. */
async function movedLinks(
  tx: Transaction,
  table: keyof typeof linkTables,
  from: string,
  to: string,
): Promise<Array<{ id: string; how: LinkHow }>> {
  const target = linkTables[table];
  // The joined copy is read as it was before the update: it gives each link's former `how`.
  return queryRows<{ id: string; how: LinkHow }>(
    tx,
    sql`update ${target} as moved set person_id = ${to}, how = 'merge'
      from ${target} as before
      where moved.id = before.id and moved.person_id = ${from}
      returning moved.id, before.how`,
  );
}
