import { NotFoundError } from "../../../../platform/errors/index.js";
import { legalToday } from "../../strategies/strategies-module.js";
import { type ConsultationContext, existingConsultation } from "../consultation-access.js";
import { standingOn } from "../records.js";
import { listComments, searchConsultations } from "../repository.js";

/** The portal's list: consultations that have opened, open ones first, searched by words. */
export async function listPublicConsultations(context: ConsultationContext, words: string) {
  const today = legalToday(context);
  const consultations = await searchConsultations(context.db, { words, today, openedOnly: true });
  return consultations.map((consultation) => ({
    ...consultation,
    standing: standingOn(consultation, today),
  }));
}

/**
 * A consultation as the public reads it, once it has opened: the draft, its dates and the
 * published comments with their answers. Nobody's name or address is shown, only the display name
 * the commenter chose.
 */
export async function readPublicConsultation(context: ConsultationContext, id: string) {
  const consultation = await existingConsultation(context, id);
  const standing = standingOn(consultation, legalToday(context));
  if (standing === "scheduled") throw new NotFoundError("consultation_not_found");
  const comments = (await listComments(context.db, id, "published")).map((comment) => ({
    id: comment.id,
    displayName: comment.displayName,
    sectionCode: comment.sectionCode,
    text: comment.text,
    createdAt: comment.createdAt,
    answer: comment.answer,
    answeredAt: comment.answeredAt,
  }));
  return { consultation, standing, comments };
}
