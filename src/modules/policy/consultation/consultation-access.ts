import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import type { PolicyStrategiesContext } from "../strategies/strategies-module.js";
import type { Consultation, ConsultationComment } from "./records.js";
import { findComment, findConsultation } from "./repository.js";

/** Consultations are run by the policy officers of the strategies' module, with its context. */
export type ConsultationContext = PolicyStrategiesContext;

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refusal a form shows at a field, with the code other callers read. */
export function invalid(code: string, messageKey: string): DomainError {
  return new DomainError(code, 422, messageKey);
}

export async function existingConsultation(
  context: Pick<ConsultationContext, "db">,
  id: string,
): Promise<Consultation> {
  const consultation = uuidPattern.test(id) ? await findConsultation(context.db, id) : null;
  if (!consultation) throw new NotFoundError("consultation_not_found");
  return consultation;
}

/** A comment of the consultation named in the address; another consultation's answers 404. */
export async function existingComment(
  context: Pick<ConsultationContext, "db">,
  consultationId: string,
  commentId: string,
): Promise<{ consultation: Consultation; comment: ConsultationComment }> {
  const consultation = await existingConsultation(context, consultationId);
  const comment = uuidPattern.test(commentId) ? await findComment(context.db, commentId) : null;
  if (!comment || comment.consultationId !== consultation.id)
    throw new NotFoundError("consultation_comment_not_found");
  return { consultation, comment };
}
