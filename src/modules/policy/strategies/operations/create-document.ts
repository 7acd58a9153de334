import { randomUUID } from "node:crypto";
import type { DocumentContent } from "../records.js";
import { insertDocument } from "../repository.js";
import { auditPolicy, authorizeManage } from "../strategies-access.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/** A new policy document, as a draft at version 1. */
export async function createPolicyDocument(
  context: PolicyStrategiesContext,
  content: DocumentContent,
): Promise<string> {
  const userId = await authorizeManage(context);
  const id = randomUUID();
  await context.db.transaction(async (tx) => {
    await insertDocument(tx, { ...content, id, createdBy: userId, at: context.clock.now() });
    await auditPolicy(context, tx, "policy_document.created", {
      entityType: "policy_document",
      entityId: id,
      details: { kind: content.kind },
    });
  });
  return id;
}
