import { NotFoundError } from "../../../../platform/errors/index.js";
import { assertNotEnded, isAdoptedText } from "../document-status.js";
import type { DocumentContent } from "../records.js";
import { findDocumentForUpdate, insertVersion, updateDocumentContent } from "../repository.js";
import { auditPolicy, authorizeManage } from "../strategies-access.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/**
 * Changes a document's text. Drafts and documents in consultation change in place; a change to an
 * adopted or in-force document keeps the adopted text as a version and makes a new one, so that
 * what was adopted stays readable. An ended document is not changed.
 */
export async function updatePolicyDocument(
  context: PolicyStrategiesContext,
  id: string,
  content: DocumentContent,
): Promise<{ version: number }> {
  const userId = await authorizeManage(context, { entityType: "policy_document", entityId: id });
  const at = context.clock.now();
  return context.db.transaction(async (tx) => {
    const document = await findDocumentForUpdate(tx, id);
    if (!document) throw new NotFoundError("policy_document_not_found");
    assertNotEnded(document);
    const newVersion = isAdoptedText(document.status);
    if (newVersion) await insertVersion(tx, document, userId, at);
    const version = newVersion ? document.version + 1 : document.version;
    await updateDocumentContent(tx, id, { ...content, version, at });
    await auditPolicy(context, tx, newVersion ? "policy_document.new_version" : "policy_document.changed", {
      entityType: "policy_document",
      entityId: id,
      details: { version },
    });
    return { version };
  });
}
