import { randomUUID } from "node:crypto";
import { DomainError, NotFoundError } from "../../../../platform/errors/index.js";
import type { StoredDocument } from "../../../../platform/files/index.js";
import { findAction, findDocument, insertReport, updateActionProgress } from "../repository.js";
import { auditPolicy, authorizeReport } from "../strategies-access.js";
import { legalToday, type PolicyStrategiesContext } from "../strategies-module.js";

export interface ProgressReport {
  period: string;
  text: string;
  percentDone: number;
  evidence: Array<{ fileName: string; document: StoredDocument }>;
}

/**
 * The responsible agency's status report on an action for a period: its text, how much is done,
 * and evidence files (already stored; the caller keeps them only once this has succeeded). The
 * action follows the report: 100 % makes it done. Only the responsible agency's focal points, or a
 * policy officer, may write it.
 */
export async function reportProgress(
  context: PolicyStrategiesContext,
  actionId: string,
  report: ProgressReport,
): Promise<string> {
  const action = await findAction(context.db, actionId);
  if (!action) throw new NotFoundError("policy_action_not_found");
  const userId = await authorizeReport(context, action);
  const document = await findDocument(context.db, action.documentId);
  if (document?.status === "ended") {
    throw new DomainError("policy_document_ended", 409, "policyStrategies.errors.documentEnded");
  }
  const id = randomUUID();
  const at = context.clock.now();
  await context.db.transaction(async (tx) => {
    await insertReport(
      tx,
      {
        id,
        actionId,
        period: report.period,
        text: report.text,
        percentDone: report.percentDone,
        agencyId: action.responsibleAgencyId,
        writtenBy: userId,
        writtenAt: at,
      },
      report.evidence.map((one) => ({
        id: randomUUID(),
        documentRef: one.document.id,
        fileName: one.fileName.slice(0, 200),
        mediaType: one.document.mediaType,
        sha256: one.document.sha256,
      })),
    );
    await updateActionProgress(tx, actionId, {
      percentDone: report.percentDone,
      doneOn: legalToday(context),
    });
    await auditPolicy(context, tx, "policy_action.reported", {
      entityType: "policy_action",
      entityId: actionId,
      agencyId: action.responsibleAgencyId,
      details: { period: report.period, percentDone: report.percentDone, evidence: report.evidence.length },
    });
  });
  return id;
}
