import type { Transaction } from "../../../platform/db/index.js";
import { ConflictError, DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { findAgenciesByIds } from "../../access/index.js";
import { assertNotEnded } from "./document-status.js";
import type { ActionContent } from "./records.js";
import { codeTaken, findDocumentForUpdate } from "./repository.js";
import { auditPolicy, authorizeManage } from "./strategies-access.js";
import type { PolicyStrategiesContext } from "./strategies-module.js";

type Level = "objective" | "measure" | "action";

/**
 * The plan's changes share one shape: the officer is checked, the document is locked (not ended),
 * the number must be free in the document, and the change is written with its audit record.
 */
export async function changePlan(
  context: PolicyStrategiesContext,
  target: { level: Level; documentId: string; code: string; exceptId?: string },
  write: (tx: Transaction) => Promise<void>,
  audit: { action: string; entityId: string },
): Promise<void> {
  await authorizeManage(context, { entityType: "policy_document", entityId: target.documentId });
  await context.db.transaction(async (tx) => {
    const document = await findDocumentForUpdate(tx, target.documentId);
    if (!document) throw new NotFoundError("policy_document_not_found");
    assertNotEnded(document);
    if (await codeTaken(tx, target.level, target.documentId, target.code, target.exceptId)) {
      throw new ConflictError("policy_code_taken", "policyStrategies.errors.codeTaken");
    }
    await write(tx);
    await auditPolicy(context, tx, audit.action, {
      entityType: `policy_${target.level}`,
      entityId: audit.entityId,
      details: { documentId: target.documentId, code: target.code },
    });
  });
}

/** The responsible and partner agencies must exist; the responsible one is not also a partner. */
export async function checkAgencies(
  context: PolicyStrategiesContext,
  input: ActionContent,
): Promise<ActionContent> {
  const partners = [...new Set(input.partnerAgencyIds)].filter((id) => id !== input.responsibleAgencyId);
  const found = await findAgenciesByIds(context.db, [input.responsibleAgencyId, ...partners]);
  if (found.length !== partners.length + 1) {
    throw new DomainError("policy_agency_unknown", 422, "policyStrategies.errors.agencyUnknown");
  }
  return { ...input, partnerAgencyIds: partners };
}
