import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import type { AuditActor } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import { canonicalRecordsBetween, chainHead, countRecordsAbove, sealsBetween } from "./audit-chain.js";
import { type AuditProblem, ChainWalk, type Slot } from "./chain-walk.js";
import { type AnchorCheck, type AnchorSource, checkAuditAnchor } from "./check-audit-anchor.js";

export type { AuditProblem, AuditProblemKind } from "./chain-walk.js";

export interface AuditVerificationReport {
  /** Ids walked through the chain (records and gaps). */
  checkedIds: number;
  /** Records inside the sealed range. */
  checkedRecords: number;
  /** The sealed high-water mark: every id up to here has a seal. */
  sealedUpTo: number;
  /** Records above the high-water mark: not sealed yet, not an error. */
  pending: number;
  /** Hash of the last seal; kept elsewhere, it lets a later check prove nothing was cut off the end. */
  headHash: string | null;
  problemCount: number;
  /** The problems found, in id order (the first `maxProblems`). */
  problems: AuditProblem[];
  /** The chain against its latest anchor outside the database; null when not asked for. */
  anchor: AnchorCheck | null;
  /** No problem in the chain, and the anchor (when checked) does not prove a cut or a rewrite. */
  ok: boolean;
}

export interface VerificationContext {
  db: Queryable;
  auditKey: string;
  /** Where the anchors are: without it, a trail cut off at the end cannot be noticed. */
  anchors?: AnchorSource | undefined;
}

export interface VerificationOptions {
  /** Ids read per query. */
  windowSize?: number;
  maxProblems?: number;
  onProgress?: (progress: { checkedIds: number; sealedUpTo: number }) => void;
}

async function* slotsUpTo(db: Queryable, sealedUpTo: number, windowSize: number): AsyncGenerator<Slot> {
  for (let from = 1; from <= sealedUpTo; from += windowSize) {
    const to = Math.min(from + windowSize - 1, sealedUpTo);
    const [seals, records] = [await sealsBetween(db, from, to), await canonicalRecordsBetween(db, from, to)];
    const sealById = new Map(seals.map((seal) => [seal.recordId, seal]));
    const recordById = new Map(records.map((record) => [Number(record.id), record]));
    for (let id = from; id <= to; id += 1) {
      yield { id, seal: sealById.get(id), record: recordById.get(id) };
    }
  }
}

/**
 * Recomputes the hash chain over every seal in order and compares the records with it (see
 * `ChainWalk` for how a broken link is told apart), then checks the head against its anchor.
 */
export async function verifyAuditTrail(
  context: VerificationContext,
  options: VerificationOptions = {},
): Promise<AuditVerificationReport> {
  const windowSize = options.windowSize ?? 2000;
  const head = await chainHead(context.db);
  const sealedUpTo = head?.sealedUpTo ?? 0;
  const pending = await countRecordsAbove(context.db, sealedUpTo);
  const walk = new ChainWalk(context.auditKey, options.maxProblems ?? 1000);

  // Records below the first id the chain can cover were never sealed: they were put there.
  const belowRange = await queryRows<{ id: string }>(
    context.db,
    sql`select r.id::text as "id" from audit_records r where r.id < 1 order by r.id`,
  );
  for (const row of belowRange) walk.report("inserted_record", Number(row.id));

  let waiting: Slot | undefined;
  for await (const slot of slotsUpTo(context.db, sealedUpTo, windowSize)) {
    if (waiting) walk.check(waiting, slot);
    waiting = slot;
    if (slot.id % windowSize === 0) options.onProgress?.({ checkedIds: walk.checkedIds, sealedUpTo });
  }
  if (waiting) walk.check(waiting, undefined);
  options.onProgress?.({ checkedIds: walk.checkedIds, sealedUpTo });

  const problems = walk.problems.sort((a, b) => a.recordId - b.recordId);
  const anchor = context.anchors ? await checkAuditAnchor(context, context.anchors) : null;
  return {
    checkedIds: walk.checkedIds,
    checkedRecords: walk.checkedRecords,
    sealedUpTo,
    pending,
    headHash: head?.hash ?? null,
    problemCount: walk.problemCount,
    problems,
    anchor,
    ok: walk.problemCount === 0 && (anchor?.ok ?? true),
  };
}

export interface VerificationRecordContext {
  db: Queryable;
  actor: AuditActor;
  ip?: string | undefined;
  requestId?: string | undefined;
}

/**
 * Appends the outcome of a verification to the trail itself: the chain status page shows the
 * last one, and its head hash is a checkpoint of the chain at that moment.
 */
export async function recordVerification(
  context: VerificationRecordContext,
  report: AuditVerificationReport,
): Promise<void> {
  await recordAudit(context.db, {
    actor: context.actor,
    action: "audit.verified",
    outcome: report.ok ? "success" : "failure",
    entityType: "audit_trail",
    ip: context.ip,
    requestId: context.requestId,
    details: {
      sealedUpTo: report.sealedUpTo,
      checkedRecords: report.checkedRecords,
      pending: report.pending,
      problems: report.problemCount,
      headHash: report.headHash,
      ...(report.anchor
        ? { anchor: report.anchor.state, anchoredUpTo: report.anchor.anchor?.sequence ?? null }
        : {}),
    },
  });
}
