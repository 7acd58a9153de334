import { randomUUID } from "node:crypto";
import { DomainError } from "../../../platform/errors/index.js";
import type { Locale, Translator } from "../../../platform/http/index.js";
import { actorOf, recordAudit } from "../../access/index.js";
import type { PrivacyServices } from "../privacy-services.js";
import type { SubjectContext } from "../subject-access/collect-subject-data.js";
import { correctableItems } from "./correctable-items.js";
import { type CorrectionRequest, insertCorrectionRequest } from "./correction-repository.js";
import { mailCorrectionNotice } from "./mail-correction-notice.js";

export interface CorrectionInput {
  caseId: string | null;
  item: string;
  whatIsWrong: string;
  whatIsRight: string;
}

/**
 * The person asks for an item of their data to be corrected: the item must be one of their own
 * (their account, or a case of theirs), the request goes to the agency that owns it, and the
 * person is told by e-mail that it was received. Request and audit record are written together.
 */
export async function requestCorrection(
  services: PrivacyServices,
  context: SubjectContext,
  input: CorrectionInput,
  locale: Locale,
  t: Translator,
): Promise<CorrectionRequest> {
  const target = await correctableItems(context, input.caseId, locale, t);
  const item = target.items.find((one) => one.code === input.item);
  if (!item) throw new DomainError("correction_item_unknown", 422, "privacy.correction.errors.item");
  const request = await context.db.transaction(async (tx) => {
    const stored = await insertCorrectionRequest(tx, {
      id: randomUUID(),
      requesterUserId: context.principal.userId,
      caseId: target.caseId,
      caseNumber: target.caseNumber,
      agencyId: target.agencyId,
      item: item.code,
      itemLabel: item.label,
      whatIsWrong: input.whatIsWrong,
      whatIsRight: input.whatIsRight,
      createdAt: context.clock.now(),
    });
    await recordAudit(tx, {
      actor: actorOf(context.principal),
      action: "correction_request.created",
      outcome: "success",
      entityType: "correction_request",
      entityId: stored.id,
      agencyId: stored.agencyId,
      ip: context.ip,
      requestId: context.requestId,
      details: { case: stored.caseId, item: stored.item },
    });
    return stored;
  });
  await mailCorrectionNotice(services, request, "received");
  return request;
}
