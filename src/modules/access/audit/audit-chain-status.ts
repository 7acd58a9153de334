import { actorOf } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import { chainHead, countRecordsAbove } from "./audit-chain.js";
import {
  countAuditRecords,
  findLastSealedAt,
  findLastVerification,
  type LastVerification,
} from "./audit-repository.js";
import { type AuditorContext, authorizeAuditor } from "./auditor-context.js";
import { type AnchorCheck, checkAuditAnchor } from "./check-audit-anchor.js";
import { type AuditVerificationReport, recordVerification, verifyAuditTrail } from "./verify-audit-trail.js";

export interface AuditChainStatus {
  totalRecords: number;
  /** Every id up to here is sealed. */
  sealedUpTo: number;
  /** Records waiting for the background sealer. */
  pending: number;
  lastSealedAt: Date | null;
  lastVerification: LastVerification | null;
  /** The latest anchor outside the database and whether the chain still holds it. */
  anchor: AnchorCheck | null;
}

/** How far the chain reaches and when it was last verified (by whom: audited, it names a person). */
export async function readAuditChainStatus(context: AuditorContext): Promise<AuditChainStatus> {
  await authorizeAuditor(context);
  const head = await chainHead(context.db);
  const sealedUpTo = head?.sealedUpTo ?? 0;
  const status: AuditChainStatus = {
    totalRecords: await countAuditRecords(context.db),
    sealedUpTo,
    pending: await countRecordsAbove(context.db, sealedUpTo),
    lastSealedAt: await findLastSealedAt(context.db),
    lastVerification: await findLastVerification(context.db),
    anchor: context.anchors ? await checkAuditAnchor(context, context.anchors) : null,
  };
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "audit.status_viewed",
    outcome: "success",
    entityType: "audit_trail",
    ip: context.ip,
    requestId: context.requestId,
  });
  return status;
}

/** An auditor verifies the whole chain now; the outcome goes into the trail. */
export async function verifyAuditTrailNow(context: AuditorContext): Promise<AuditVerificationReport> {
  await authorizeAuditor(context);
  const report = await verifyAuditTrail({
    db: context.db,
    auditKey: context.auditKey,
    anchors: context.anchors,
  });
  await recordVerification(
    { db: context.db, actor: actorOf(context.principal), ip: context.ip, requestId: context.requestId },
    report,
  );
  return report;
}
