import { randomUUID } from "node:crypto";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { checkTransition } from "../document-status.js";
import type { DocumentStatus } from "../records.js";
import { changeStatus, findDocumentForUpdate } from "../repository.js";
import { auditPolicy, authorizeManage } from "../strategies-access.js";
import { legalToday, type PolicyStrategiesContext } from "../strategies-module.js";

/** Moves a document to its next status on a legal date (see document-status.ts for what is refused). */
export async function changePolicyDocumentStatus(
  context: PolicyStrategiesContext,
  id: string,
  change: { to: DocumentStatus; onDate: string },
): Promise<void> {
  const userId = await authorizeManage(context, { entityType: "policy_document", entityId: id });
  const at = context.clock.now();
  await context.db.transaction(async (tx) => {
    const document = await findDocumentForUpdate(tx, id);
    if (!document) throw new NotFoundError("policy_document_not_found");
    checkTransition(document, change.to, change.onDate, legalToday(context));
    await changeStatus(tx, {
      id: randomUUID(),
      documentId: id,
      from: document.status,
      to: change.to,
      onDate: change.onDate,
      by: userId,
      at,
    });
    await auditPolicy(context, tx, "policy_document.status_changed", {
      entityType: "policy_document",
      entityId: id,
      details: { from: document.status, to: change.to, onDate: change.onDate },
    });
    await context.followers?.statusChanged(context, tx, {
      documentId: id,
      from: document.status,
      to: change.to,
      onDate: change.onDate,
    });
  });
}
