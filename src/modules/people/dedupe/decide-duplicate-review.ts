import { eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../../platform/errors/index.js";
import { type AuditActor, recordAudit } from "../../access/index.js";
import type { RegisterChangeFollower } from "../entry/register-changes.js";
import { mergePersons } from "../operations/merge-persons.js";
import { actorLabel } from "../register/actor.js";
import { isRegisterId } from "../register/ids.js";
import { personById } from "../register/repository.js";
import { peopleDuplicateReviews } from "./schema.js";

/** An officer's answer on two registered persons: one person (merge them) or two (keep them apart). */
export type DuplicateDecision = "same-person" | "different-persons";

export interface DuplicateReviewOutcome {
  reviewId: string;
  status: "merged" | "kept-apart";
  /** The merge made, to be undone from the survivor's merge history; null when kept apart. */
  mergeId: string | null;
}

/**
 * Decides an open duplicate review. "same-person" merges the person registered later into the one
 * registered first through mergePersons (audited, undoable); "different-persons" keeps both, and a
 * later deduplication does not ask again. An item is decided once (409 `review_decided`); an unknown
 * item is 404 `review_not_found`; a person merged meanwhile refuses the merge (409
 * `person_already_merged`) and the item stays open.
 */
export async function decideDuplicateReview(
  db: Database,
  reviewId: string,
  decision: DuplicateDecision,
  actor: AuditActor,
  at: Date = new Date(),
  /** Told of the merge in its transaction, so that whoever counts persons (statistics) follows it. */
  follow?: RegisterChangeFollower,
): Promise<DuplicateReviewOutcome> {
  if (!isRegisterId(reviewId)) throw new NotFoundError("review_not_found");
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(peopleDuplicateReviews)
      .where(eq(peopleDuplicateReviews.id, reviewId))
      .for("update");
    if (!item) throw new NotFoundError("review_not_found");
    if (item.status !== "open") throw new ConflictError("review_decided", "people.errors.review_decided");
    let mergeId: string | null = null;
    if (decision === "same-person") {
      const first = await personById(tx, item.personId);
      const second = await personById(tx, item.otherPersonId);
      if (!first || !second) throw new NotFoundError("person_not_found");
      const [survivor, merged] =
        first.createdAt.getTime() <= second.createdAt.getTime()
          ? [first.id, second.id]
          : [second.id, first.id];
      // A savepoint of this transaction: the merge and the decision are written together or not at all.
      mergeId = (await mergePersons(tx, survivor, merged, actor, "duplicate review: the same person", at))
        .mergeId;
      await follow?.(tx, [{ kind: "merged", from: merged, to: survivor }]);
    }
    const status = decision === "same-person" ? "merged" : "kept-apart";
    await tx
      .update(peopleDuplicateReviews)
      .set({ status, mergeId, decidedBy: actorLabel(actor), decidedAt: at })
      .where(eq(peopleDuplicateReviews.id, reviewId));
    await recordAudit(tx, {
      actor,
      action: "people.duplicate_review.decided",
      outcome: "success",
      entityType: "people_duplicate_review",
      entityId: reviewId,
      details: { status, mergeId },
    });
    return { reviewId, status, mergeId };
  });
}
