import { eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../../platform/errors/index.js";
import { type AuditActor, recordAudit } from "../../access/index.js";
import { actorLabel } from "../register/actor.js";
import { isRegisterId } from "../register/ids.js";
import type { OccurrenceSource, PersonOccurrence } from "../register/occurrence.js";
import {
  addWhatIsNew,
  createPerson,
  linkSource,
  reviewItemById,
  survivorOf,
} from "../register/repository.js";
import { peopleReviewItems } from "../schema.js";

/** An officer's answer: the occurrence is this registered person, or a person not yet registered. */
export type ReviewDecision = { personId: string } | "new";

export interface ReviewOutcome {
  reviewId: string;
  status: "linked" | "new";
  personId: string;
}

/**
 * Decides an open review item: links its source to the chosen person (the survivor, when that
 * person has been merged since) or registers a new person. An item is decided once (409
 * `review_decided`). The decision is written to the audit trail with the change.
 */
export async function decideReview(
  db: Database,
  reviewId: string,
  decision: ReviewDecision,
  actor: AuditActor,
  at: Date = new Date(),
): Promise<ReviewOutcome> {
  if (!isRegisterId(reviewId)) throw new NotFoundError("review_not_found");
  return db.transaction(async (tx) => {
    const item = await reviewItemById(tx, reviewId, true);
    if (!item) throw new NotFoundError("review_not_found");
    if (item.status !== "open") throw new ConflictError("review_decided", "people.errors.review_decided");
    const occurrence = item.occurrence as PersonOccurrence;
    const source = item.source as OccurrenceSource;
    let personId: string;
    if (decision === "new") {
      personId = await createPerson(tx, occurrence, at);
    } else {
      const person = isRegisterId(decision.personId) ? await survivorOf(tx, decision.personId) : undefined;
      if (!person) throw new NotFoundError("person_not_found");
      personId = person.id;
      await addWhatIsNew(tx, personId, occurrence, at);
    }
    await linkSource(tx, source, personId, "review", at);
    const status = decision === "new" ? "new" : "linked";
    await tx
      .update(peopleReviewItems)
      .set({ status, personId, decidedBy: actorLabel(actor), decidedAt: at })
      .where(eq(peopleReviewItems.id, reviewId));
    await recordAudit(tx, {
      actor,
      action: "people.review.decided",
      outcome: "success",
      entityType: "people_review_item",
      entityId: reviewId,
      details: { status, personId },
    });
    return { reviewId, status, personId };
  });
}
