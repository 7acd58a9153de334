import { randomUUID } from "node:crypto";
import { ConflictError, NotFoundError } from "../../../../platform/errors/index.js";
import type { Locale } from "../../../../platform/http/index.js";
import { changePolicyDocumentStatus } from "../../strategies/operations/change-document-status.js";
import { findDocument } from "../../strategies/repository.js";
import { auditPolicy, authorizeManage } from "../../strategies/strategies-access.js";
import { legalToday } from "../../strategies/strategies-module.js";
import { type ConsultationContext, invalid } from "../consultation-access.js";
import { findUnclosedConsultation, insertConsultation } from "../repository.js";

export interface OpenConsultationInput {
  documentId: string;
  title: Record<Locale, string>;
  text: Record<Locale, string>;
  opensOn: string;
  closesOn: string;
  /** A draft is first moved to consultation (the strategies' own transition, dated today). */
  moveDraftToConsultation: boolean;
}

/**
 * Publishes a draft for public consultation between two legal dates. The document must be in
 * consultation (a draft may be moved there on the way), and has one unclosed consultation at most.
 */
export async function openConsultation(
  context: ConsultationContext,
  input: OpenConsultationInput,
): Promise<string> {
  const userId = await authorizeManage(context, {
    entityType: "policy_document",
    entityId: input.documentId,
  });
  const today = legalToday(context);
  if (input.closesOn < input.opensOn)
    throw invalid("consultation_closes_before_opening", "policyConsultation.errors.closesBeforeOpening");
  if (input.closesOn < today)
    throw invalid("consultation_closes_in_past", "policyConsultation.errors.closesInPast");
  const document = await findDocument(context.db, input.documentId);
  if (!document) throw new NotFoundError("policy_document_not_found");
  if (await findUnclosedConsultation(context.db, document.id, today))
    throw new ConflictError("consultation_already_open", "policyConsultation.errors.alreadyOpen");
  if (document.status === "draft" && input.moveDraftToConsultation) {
    await changePolicyDocumentStatus(context, document.id, { to: "consultation", onDate: today });
  } else if (document.status !== "consultation") {
    throw new ConflictError(
      "consultation_document_not_in_consultation",
      "policyConsultation.errors.notInConsultation",
    );
  }
  const id = randomUUID();
  await context.db.transaction(async (tx) => {
    await insertConsultation(tx, { ...input, id, demo: false, openedBy: userId, at: context.clock.now() });
    await auditPolicy(context, tx, "policy_consultation.opened", {
      entityType: "policy_consultation",
      entityId: id,
      details: { documentId: document.id, opensOn: input.opensOn, closesOn: input.closesOn },
    });
  });
  return id;
}
