import { eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "../../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../../platform/errors/index.js";
import { type AuditActor, recordAudit } from "../../access/index.js";
import { actorLabel } from "../register/actor.js";
import { isRegisterId } from "../register/ids.js";
import type { MergeSnapshot, PersonFields } from "../register/merge-snapshot.js";
import { type LinkHow, type PersonRow, personById } from "../register/repository.js";
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

/**
 * Undoes a merge: every row that moved goes back to the merged person (links with how they had been
 * made), the survivor loses the fields the merge gave it (unless changed since), and the merged
 * person stands on its own again. Rows the survivor gained after the merge stay with it. Refused:
 * a merge undone already (409 `merge_undone`), or whose survivor has since been merged into another
 * person (409 `merge_survivor_merged`: undo that merge first).
 */
export async function undoMerge(
  db: Database,
  mergeId: string,
  actor: AuditActor,
  at: Date = new Date(),
): Promise<void> {
  if (!isRegisterId(mergeId)) throw new NotFoundError("merge_not_found");
  await db.transaction(async (tx) => {
    const [merge] = await tx.select().from(peopleMerges).where(eq(peopleMerges.id, mergeId)).for("update");
    if (!merge) throw new NotFoundError("merge_not_found");
    if (merge.undoneAt) throw new ConflictError("merge_undone", "people.errors.merge_undone");
    const survivor = await personById(tx, merge.survivorId, true);
    if (!survivor) throw new NotFoundError("person_not_found");
    if (survivor.mergedInto) {
      throw new ConflictError("merge_survivor_merged", "people.errors.merge_survivor_merged");
    }
    const snapshot = merge.snapshot as unknown as MergeSnapshot;
    await moveBack(tx, snapshot.moved, merge.mergedId);
    await tx
      .update(peoplePersons)
      .set(fieldsWithoutMerge(survivor, snapshot))
      .where(eq(peoplePersons.id, merge.survivorId));
    await tx.update(peoplePersons).set({ mergedInto: null }).where(eq(peoplePersons.id, merge.mergedId));
    await tx
      .update(peopleMerges)
      .set({ undoneAt: at, undoneBy: actorLabel(actor) })
      .where(eq(peopleMerges.id, mergeId));
    await recordAudit(tx, {
      actor,
      action: "people.merge_undone",
      outcome: "success",
      entityType: "people_merge",
      entityId: mergeId,
      details: { survivorId: merge.survivorId, mergedId: merge.mergedId },
    });
  });
}

/** The survivor's fields as before the merge, keeping what changed after it. */
function fieldsWithoutMerge(survivor: PersonRow, snapshot: MergeSnapshot): PersonFields {
  const { survivorBefore: before, survivorAfter: after } = snapshot;
  const gained = after.citizenships.filter((code) => !before.citizenships.includes(code));
  return {
    sex: survivor.sex === after.sex ? before.sex : survivor.sex,
    birthDate: survivor.birthDate === after.birthDate ? before.birthDate : survivor.birthDate,
    citizenships: survivor.citizenships.filter((code) => !gained.includes(code)),
  };
}

async function moveBack(tx: Transaction, moved: MergeSnapshot["moved"], to: string) {
  if (moved.names.length > 0) {
    await tx.update(peopleNames).set({ personId: to }).where(inArray(peopleNames.id, moved.names));
  }
  if (moved.documents.length > 0) {
    await tx
      .update(peopleDocuments)
      .set({ personId: to })
      .where(inArray(peopleDocuments.id, moved.documents));
  }
  if (moved.relationsFrom.length > 0) {
    await tx
      .update(peopleRelations)
      .set({ personId: to })
      .where(inArray(peopleRelations.id, moved.relationsFrom));
  }
  if (moved.relationsTo.length > 0) {
    await tx
      .update(peopleRelations)
      .set({ relatedPersonId: to })
      .where(inArray(peopleRelations.id, moved.relationsTo));
  }
  for (const [how, ids] of idsByHow(moved.caseLinks)) {
    await tx.update(peopleCaseLinks).set({ personId: to, how }).where(inArray(peopleCaseLinks.id, ids));
  }
  for (const [how, ids] of idsByHow(moved.importLinks)) {
    await tx.update(peopleImportLinks).set({ personId: to, how }).where(inArray(peopleImportLinks.id, ids));
  }
  for (const [how, ids] of idsByHow(moved.recordLinks)) {
    await tx.update(peopleRecordLinks).set({ personId: to, how }).where(inArray(peopleRecordLinks.id, ids));
  }
  if (moved.keys.length > 0) {
    await tx.update(peopleKeys).set({ personId: to }).where(inArray(peopleKeys.id, moved.keys));
  }
}

/** Links grouped by how they had been made, one update per group. */
function idsByHow(links: Array<{ id: string; how: LinkHow }>): Map<LinkHow, string[]> {
  const groups = new Map<LinkHow, string[]>();
  for (const link of links) groups.set(link.how, [...(groups.get(link.how) ?? []), link.id]);
  return groups;
}
