import { auditPolicy } from "../strategies/strategies-access.js";
import type { PolicyDocumentFollowers } from "../strategies/strategies-module.js";
import { lastDayOf, standingOn } from "./records.js";
import {
  closeEarly,
  consultationsOfDocument,
  findUnclosedConsultation,
  pendingCounts,
} from "./repository.js";

/**
 * The consultations follow their document. A document that leaves consultation (back to draft, or
 * adopted) while one is open or scheduled closes it on the date of the change: the public may no
 * longer comment on a text the ministry has stopped consulting on.
 */
export const consultationFollowers: PolicyDocumentFollowers = {
  async statusChanged(context, tx, change) {
    if (change.from !== "consultation" || change.to === "consultation") return;
    const consultation = await findUnclosedConsultation(tx, change.documentId, change.onDate);
    if (!consultation) return;
    await closeEarly(tx, consultation.id, change.onDate, context.clock.now());
    await auditPolicy(context, tx, "policy_consultation.closed_with_document", {
      entityType: "policy_consultation",
      entityId: consultation.id,
      details: { closedOn: change.onDate, documentStatus: change.to },
    });
  },

  async consultationsOf(db, documentId, today) {
    const consultations = await consultationsOfDocument(db, documentId);
    if (consultations.length === 0) return [];
    const pending = await pendingCounts(db);
    return consultations.map((consultation) => ({
      id: consultation.id,
      standing: standingOn(consultation, today),
      opensOn: consultation.opensOn,
      lastDay: lastDayOf(consultation),
      pending: pending.get(consultation.id) ?? 0,
    }));
  },
};
