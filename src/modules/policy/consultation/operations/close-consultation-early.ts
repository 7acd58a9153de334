import { ConflictError } from "../../../../platform/errors/index.js";
import { auditPolicy, authorizeManage } from "../../strategies/strategies-access.js";
import { legalToday } from "../../strategies/strategies-module.js";
import { type ConsultationContext, existingConsultation } from "../consultation-access.js";
import { standingOn } from "../records.js";
import { closeEarly } from "../repository.js";

/**
 * Closes a consultation at once, before its closing date (a scheduled one never opens). Comments
 * already sent are still moderated and answered.
 */
export async function closeConsultationEarly(context: ConsultationContext, id: string): Promise<void> {
  await authorizeManage(context, { entityType: "policy_consultation", entityId: id });
  const consultation = await existingConsultation(context, id);
  const today = legalToday(context);
  if (standingOn(consultation, today) === "closed")
    throw new ConflictError("consultation_closed", "policyConsultation.errors.closed");
  await context.db.transaction(async (tx) => {
    await closeEarly(tx, id, today, context.clock.now());
    await auditPolicy(context, tx, "policy_consultation.closed_early", {
      entityType: "policy_consultation",
      entityId: id,
      details: { closedOn: today },
    });
  });
}
