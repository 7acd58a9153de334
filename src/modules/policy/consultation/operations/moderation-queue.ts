import { findDocument, listDocuments } from "../../strategies/repository.js";
import { auditPolicy, authorizeManage } from "../../strategies/strategies-access.js";
import { legalToday } from "../../strategies/strategies-module.js";
import { type ConsultationContext, existingConsultation } from "../consultation-access.js";
import { standingOn } from "../records.js";
import { listComments, pendingCounts, searchConsultations } from "../repository.js";

/** The policy officers' list: every consultation with how many comments wait, and the documents one may be opened on. */
export async function listConsultationsForStaff(context: ConsultationContext) {
  await authorizeManage(context);
  const today = legalToday(context);
  const [consultations, pending, inConsultation, drafts] = await Promise.all([
    searchConsultations(context.db, { words: "", today, openedOnly: false }),
    pendingCounts(context.db),
    listDocuments(context.db, { status: "consultation" }),
    listDocuments(context.db, { status: "draft" }),
  ]);
  return {
    consultations: consultations.map((consultation) => ({
      ...consultation,
      standing: standingOn(consultation, today),
      pending: pending.get(consultation.id) ?? 0,
    })),
    documents: [...inConsultation, ...drafts].map(({ id, title, status }) => ({ id, title, status })),
  };
}

/**
 * A consultation's moderation page: its comments (those never verified left out), waiting ones
 * first. Commenters' names are personal data: each reading is in the audit trail.
 */
export async function readModerationQueue(context: ConsultationContext, id: string) {
  await authorizeManage(context, { entityType: "policy_consultation", entityId: id });
  const consultation = await existingConsultation(context, id);
  const [document, comments] = await Promise.all([
    findDocument(context.db, consultation.documentId),
    listComments(context.db, id),
  ]);
  await auditPolicy(context, context.db, "policy_consultation.comments_viewed", {
    entityType: "policy_consultation",
    entityId: id,
    details: { comments: comments.length },
  });
  const order = { pending: 0, published: 1, rejected: 2, unverified: 3 } as const;
  return {
    consultation,
    standing: standingOn(consultation, legalToday(context)),
    document,
    comments: [...comments].sort((a, b) => order[a.status] - order[b.status]),
  };
}
