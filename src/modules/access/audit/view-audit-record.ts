import { NotFoundError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { actorOf } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import {
  canonicalContent,
  canonicalRecordsBetween,
  chainHash,
  chainHead,
  genesisHash,
} from "./audit-chain.js";
import { type AuditRecordView, findAuditRecord, findSealWithPrevious } from "./audit-repository.js";
import { type AuditorContext, authorizeAuditor } from "./auditor-context.js";

/** Where one record stands in the chain. */
export type SealStatus =
  /** Above the sealed high-water mark: the background sealer has not reached it yet. */
  | { state: "unsealed" }
  /** Sealed; `matches` compares the record with its seal (null when the previous seal is gone). */
  | { state: "sealed"; matches: boolean | null; batch: number; sealedAt: Date; hash: string }
  /** The chain says no record had this id when it was sealed: the record was put in afterwards. */
  | { state: "sealed_as_gap"; batch: number; sealedAt: Date }
  /** Inside the sealed range with no seal: the chain is broken here. */
  | { state: "seal_missing" };

export interface AuditRecordDetail {
  record: AuditRecordView;
  seal: SealStatus;
}

/** One record with its seal status; the page names a staff member, so the viewing is audited. */
export async function viewAuditRecord(context: AuditorContext, recordId: number): Promise<AuditRecordDetail> {
  await authorizeAuditor(context);
  const record = await findAuditRecord(context.db, recordId);
  if (!record) throw new NotFoundError();
  await authorize(context, "audit.read", {
    entityType: "audit_record",
    entityId: String(recordId),
    agencyId: record.agencyId,
  });
  const seal = await sealStatusOf(context, recordId);
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "audit.record_viewed",
    outcome: "success",
    entityType: "audit_record",
    entityId: String(recordId),
    agencyId: record.agencyId,
    ip: context.ip,
    requestId: context.requestId,
  });
  return { record, seal };
}

async function sealStatusOf(context: AuditorContext, recordId: number): Promise<SealStatus> {
  const head = await chainHead(context.db);
  if (!head || recordId > head.sealedUpTo) return { state: "unsealed" };
  const { seal, previousHash } = await findSealWithPrevious(context.db, recordId);
  if (!seal) return { state: "seal_missing" };
  if (!seal.present) return { state: "sealed_as_gap", batch: seal.batch, sealedAt: seal.sealedAt };
  const chainedTo = recordId === 1 ? genesisHash : previousHash;
  const [canonical] = await canonicalRecordsBetween(context.db, recordId, recordId);
  const matches =
    chainedTo && canonical
      ? chainHash(context.auditKey, chainedTo, canonicalContent(canonical)) === seal.hash
      : null;
  return { state: "sealed", matches, batch: seal.batch, sealedAt: seal.sealedAt, hash: seal.hash };
}
