import { eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "../../../platform/db/index.js";
import type { AuditActor } from "../../access/index.js";
import { decideReview, type ReviewDecision, type ReviewOutcome } from "../operations/decide-review.js";
import { type MergeOutcome, mergePersons } from "../operations/merge-persons.js";
import { undoMerge } from "../operations/undo-merge.js";
import type { MergeSnapshot } from "../register/merge-snapshot.js";
import type { OccurrenceSource } from "../register/occurrence.js";
import { reviewItemById } from "../register/repository.js";
import { peopleCaseLinks, peopleImportLinks, peopleMerges } from "../schema.js";

/**
 * A change of which register person some sources belong to, as whoever counts persons must follow
 * it (official statistics): every source of one person now belongs to another (a merge), or the main
 * person of some cases, some of their family members (by slot), or some persons of an import batch,
 * now belong to a person (a review decided, a merge undone). The records of other registers
 * (detention placements, readmission requests) are left out: no statistic counts them.
 */
export type RegisterLinkChange =
  | { kind: "merged"; from: string; to: string }
  | { kind: "cases"; caseIds: string[]; personId: string }
  | { kind: "family-members"; members: Array<{ caseId: string; slot: number }>; personId: string }
  | { kind: "imported"; batchId: string; importPersonIds: string[]; personId: string };

/** Told of the changes inside the register's transaction, so that both commit or neither does. */
export type RegisterChangeFollower = (tx: Transaction, changes: RegisterLinkChange[]) => Promise<void>;

const isMainRole = (role: string, slot: number) => role !== "family-member" && slot === 0;

function changeOfSource(source: OccurrenceSource, personId: string): RegisterLinkChange[] {
  // Nothing counts the persons of detention placements or readmission requests by the register.
  if (source.kind === "record") return [];
  if (source.kind === "import") {
    return [
      { kind: "imported", batchId: source.batchId, importPersonIds: [source.importPersonId], personId },
    ];
  }
  if (source.role === "family-member")
    return [
      { kind: "family-members", members: [{ caseId: source.caseId, slot: source.slot ?? 0 }], personId },
    ];
  return isMainRole(source.role, source.slot ?? 0)
    ? [{ kind: "cases", caseIds: [source.caseId], personId }]
    : [];
}

/** `decideReview`, with the follower told where the decided source now belongs. */
export async function decideReviewFollowed(
  db: Database,
  follow: RegisterChangeFollower,
  reviewId: string,
  decision: ReviewDecision,
  actor: AuditActor,
  at: Date = new Date(),
): Promise<ReviewOutcome> {
  return db.transaction(async (tx) => {
    const outcome = await decideReview(tx, reviewId, decision, actor, at);
    const item = await reviewItemById(tx, outcome.reviewId);
    if (item) await follow(tx, changeOfSource(item.source as OccurrenceSource, outcome.personId));
    return outcome;
  });
}

/** `mergePersons`, with the follower told that the merged person's sources are now the survivor's. */
export async function mergePersonsFollowed(
  db: Database,
  follow: RegisterChangeFollower,
  merge: { survivorId: string; mergedId: string; reason: string },
  actor: AuditActor,
  at: Date = new Date(),
): Promise<MergeOutcome> {
  return db.transaction(async (tx) => {
    const outcome = await mergePersons(tx, merge.survivorId, merge.mergedId, actor, merge.reason, at);
    await follow(tx, [{ kind: "merged", from: outcome.mergedId, to: outcome.survivorId }]);
    return outcome;
  });
}

/** `undoMerge`, with the follower told which sources went back to the merged person. */
export async function undoMergeFollowed(
  db: Database,
  follow: RegisterChangeFollower,
  mergeId: string,
  actor: AuditActor,
  at: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await undoMerge(tx, mergeId, actor, at);
    const [merge] = await tx.select().from(peopleMerges).where(eq(peopleMerges.id, mergeId));
    if (!merge) return;
    const moved = (merge.snapshot as unknown as MergeSnapshot).moved;
    await follow(tx, await changesOfLinks(tx, moved, merge.mergedId));
  });
}

/** The sources of the links an undo moved back, as changes to the merged person. */
async function changesOfLinks(
  tx: Transaction,
  moved: MergeSnapshot["moved"],
  personId: string,
): Promise<RegisterLinkChange[]> {
  const changes: RegisterLinkChange[] = [];
  const caseLinkIds = moved.caseLinks.map((link) => link.id);
  if (caseLinkIds.length > 0) {
    const links = await tx.select().from(peopleCaseLinks).where(inArray(peopleCaseLinks.id, caseLinkIds));
    const caseIds = links.filter((link) => isMainRole(link.role, link.slot)).map((link) => link.caseId);
    if (caseIds.length > 0) changes.push({ kind: "cases", caseIds, personId });
    const members = links
      .filter((link) => link.role === "family-member")
      .map((link) => ({ caseId: link.caseId, slot: link.slot }));
    if (members.length > 0) changes.push({ kind: "family-members", members, personId });
  }
  const importLinkIds = moved.importLinks.map((link) => link.id);
  if (importLinkIds.length > 0) {
    const links = await tx
      .select()
      .from(peopleImportLinks)
      .where(inArray(peopleImportLinks.id, importLinkIds));
    const byBatch = new Map<string, string[]>();
    for (const link of links)
      byBatch.set(link.batchId, [...(byBatch.get(link.batchId) ?? []), link.importPersonId]);
    for (const [batchId, importPersonIds] of byBatch)
      changes.push({ kind: "imported", batchId, importPersonIds, personId });
  }
  return changes;
}
