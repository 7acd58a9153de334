import { ConflictError } from "../../../../platform/errors/index.js";
import { auditPolicy, authorizeManage } from "../../strategies/strategies-access.js";
import { type ConsultationContext, existingComment } from "../consultation-access.js";
import { mailModeration } from "../consultation-notices.js";
import type { ConsultationComment } from "../records.js";
import { recordAnswer } from "../repository.js";

/** Answers a published comment (or corrects the answer); the answer shows under it on the portal. */
export async function answerComment(
  context: ConsultationContext,
  consultationId: string,
  commentId: string,
  answer: string,
): Promise<ConsultationComment> {
  const userId = await authorizeManage(context, {
    entityType: "policy_consultation",
    entityId: consultationId,
  });
  const { consultation } = await existingComment(context, consultationId, commentId);
  const answered = await context.db.transaction(async (tx) => {
    const done = await recordAnswer(tx, commentId, answer, userId, context.clock.now());
    if (!done)
      throw new ConflictError("consultation_comment_not_published", "policyConsultation.errors.notPublished");
    await auditPolicy(context, tx, "policy_consultation.comment_answered", {
      entityType: "policy_consultation_comment",
      entityId: commentId,
      details: { consultationId },
    });
    return done;
  });
  await mailModeration(context, consultation, answered, "answered");
  return answered;
}
