import { NotFoundError } from "../../../../platform/errors/index.js";
import type { StoredDocument } from "../../../../platform/files/index.js";
import type { ReadmissionContext } from "../readmission-module.js";
import { findRequest, insertCorrespondence, insertEvidence } from "../repository.js";
import { auditReadmission, authorizeReadmission } from "../request-access.js";

/**
 * A means of proof attached to a request. The file arrives stored (the upload checked its type
 * and size); the caller keeps it only once this has succeeded, else the upload removes it.
 */
export async function addEvidence(
  context: ReadmissionContext,
  id: string,
  evidence: { kind: string; fileName: string; document: StoredDocument },
): Promise<void> {
  const request = await findRequest(context.db, id);
  if (!request) throw new NotFoundError("readmission_request_not_found");
  const userId = await authorizeReadmission(context, request);
  const stored = evidence.document;
  const at = context.clock.now();
  await context.db.transaction(async (tx) => {
    await insertEvidence(tx, {
      requestId: id,
      evidenceKind: evidence.kind,
      documentId: stored.id,
      fileName: evidence.fileName.slice(0, 200),
      mediaType: stored.mediaType,
      addedBy: userId,
      addedAt: at,
    });
    await insertCorrespondence(tx, {
      requestId: id,
      kind: "evidence",
      direction: "internal",
      onDate: context.calendar.legalDate(at),
      note: evidence.fileName.slice(0, 200),
      recordedBy: userId,
      at,
    });
    await auditReadmission(context, tx, "readmission_request.evidence_added", {
      entityId: id,
      details: { kind: evidence.kind, sha256: stored.sha256 },
    });
  });
}
