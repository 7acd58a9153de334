import { NotFoundError } from "../../../../platform/errors/index.js";
import { findEvidence } from "../repository.js";
import { auditPolicy, authorizeRead } from "../strategies-access.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/** An evidence file of a status report, for download by those who read the plans. */
export async function readEvidence(
  context: PolicyStrategiesContext,
  id: string,
): Promise<{ content: Buffer; fileName: string }> {
  await authorizeRead(context);
  const evidence = await findEvidence(context.db, id);
  if (!evidence) throw new NotFoundError("policy_evidence_not_found");
  const content = await context.documents.readDocument(evidence.documentRef);
  await auditPolicy(context, context.db, "policy_evidence.downloaded", {
    entityType: "policy_action",
    entityId: evidence.actionId,
    details: { evidenceId: id },
  });
  return { content, fileName: evidence.fileName };
}
