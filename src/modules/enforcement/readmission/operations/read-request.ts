import { NotFoundError } from "../../../../platform/errors/index.js";
import type { ReadmissionContext } from "../readmission-module.js";
import { findRequest, listCorrespondence, listEvidence } from "../repository.js";
import { auditReadmission, authorizeReadmission } from "../request-access.js";
import type { CorrespondenceEntry, EvidenceItem, ReadmissionRequest } from "../request-record.js";

export interface RequestFile {
  request: ReadmissionRequest;
  correspondence: CorrespondenceEntry[];
  evidence: EvidenceItem[];
}

/** A request with its log and evidence, for its page or its PDF; every read is audited. */
export async function readRequest(
  context: ReadmissionContext,
  id: string,
  purpose: "viewed" | "exported",
): Promise<RequestFile> {
  const request = await findRequest(context.db, id);
  if (!request) throw new NotFoundError("readmission_request_not_found");
  await authorizeReadmission(context, request);
  const [correspondence, evidence] = await Promise.all([
    listCorrespondence(context.db, id),
    listEvidence(context.db, id),
  ]);
  await auditReadmission(context, context.db, `readmission_request.${purpose}`, { entityId: id });
  return { request, correspondence, evidence };
}
