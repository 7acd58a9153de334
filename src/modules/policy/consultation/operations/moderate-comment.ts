import { ConflictError } from "../../../../platform/errors/index.js";
import { auditPolicy, authorizeManage } from "../../strategies/strategies-access.js";
import { type ConsultationContext, existingComment } from "../consultation-access.js";
import { mailModeration } from "../consultation-notices.js";
import type { ConsultationComment, RejectionReason } from "../records.js";
import { recordModeration } from "../repository.js";

export type ModerationDecision =
  | { outcome: "publish" }
  | { outcome: "reject"; reason: RejectionReason; note: string | null };

/** Publishes a comment waiting for moderation, or rejects it with a reason; the commenter is told. */
export async function moderateComment(
  context: ConsultationContext,
  consultationId: string,
  commentId: string,
  decision: ModerationDecision,
): Promise<ConsultationComment> {
  const userId = await authorizeManage(context, {
    entityType: "policy_consultation",
    entityId: consultationId,
  });
  const { consultation } = await existingComment(context, consultationId, commentId);
  const moderated = await context.db.transaction(async (tx) => {
    const done = await recordModeration(
      tx,
      commentId,
      decision.outcome === "publish"
        ? { status: "published" }
        : { status: "rejected", rejectionReason: decision.reason, rejectionNote: decision.note },
      userId,
      context.clock.now(),
    );
    if (!done)
      throw new ConflictError("consultation_comment_not_pending", "policyConsultation.errors.notPending");
    await auditPolicy(context, tx, `policy_consultation.comment_${done.status}`, {
      entityType: "policy_consultation_comment",
      entityId: commentId,
      details: { consultationId, ...(done.rejectionReason ? { reason: done.rejectionReason } : {}) },
    });
    return done;
  });
  await mailModeration(
    context,
    consultation,
    moderated,
    moderated.status === "published" ? "published" : "rejected",
  );
  return moderated;
}
