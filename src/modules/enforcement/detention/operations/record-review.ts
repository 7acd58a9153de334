import { randomUUID } from "node:crypto";
import { auditDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import type { NewReview } from "../detention-forms.js";
import { insertReview } from "../detention-repository.js";
import { changeRunningPlacement } from "./placement-to-change.js";

/** Records a periodic review of a running placement: whether detention is still needed, and why. */
export async function recordReview(context: DetentionContext, placementId: string, review: NewReview) {
  await changeRunningPlacement(context, placementId, async (tx, _placement, userId) => {
    await insertReview(tx, {
      id: randomUUID(),
      placementId,
      reviewedOn: review.reviewedOn,
      outcome: review.outcome,
      notes: review.notes,
      recordedBy: userId,
      recordedAt: context.clock.now(),
    });
    await auditDetention(context, tx, "detention_placement.reviewed", {
      entityType: "detention_placement",
      entityId: placementId,
      details: { outcome: review.outcome },
    });
  });
}
