import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import type { AuditActor } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import {
  type CanonicalRecord,
  canonicalContent,
  canonicalRecordsBetween,
  chainHash,
  chainHead,
  countRecordsAbove,
  gapContent,
  genesisHash,
  type SealRow,
  sealsBetween,
} from "./audit-chain.js";
import { type AnchorCheck, type AnchorSource, checkAuditAnchor } from "./check-audit-anchor.js";

/** What verification can find wrong, each named at a record id. */
export type AuditProblemKind =
  /** The record's content no longer matches its seal. */
  | "altered_record"
  /** A sealed record is gone. */
  | "removed_record"
  /** A record exists where the chain says no record was, or has no seal inside the sealed range. */
  | "inserted_record"
  /** The seal row itself was changed: the chain breaks here. */
  | "seal_altered"
  /** The seal row is gone: the chain breaks here. */
  | "seal_missing"
  /**
   * The record does not fit the chain, and what follows cannot tell whether the record or a seal
   * next to it was changed (the last seal, or several changes side by side).
   */
  | "record_or_seal_altered";

export interface AuditProblem {
  kind: AuditProblemKind;
  recordId: number;
}

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

/** One id of the sealed range with what the database holds for it. */
interface Slot {
  id: number;
  seal: SealRow | undefined;
  record: CanonicalRecord | undefined;
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
 * Recomputes the hash chain over every seal in order and compares the records with it. When a
 * link does not match, the next link tells why: if it was built on the stored hash, the seal is
 * genuine and the record changed; if it was built on the recomputed hash, the seal was changed.
 */
export async function verifyAuditTrail(
  context: VerificationContext,
  options: VerificationOptions = {},
): Promise<AuditVerificationReport> {
  const windowSize = options.windowSize ?? 2000;
  const maxProblems = options.maxProblems ?? 1000;
  const head = await chainHead(context.db);
  const sealedUpTo = head?.sealedUpTo ?? 0;
  const pending = await countRecordsAbove(context.db, sealedUpTo);
  const hash = (previous: string, content: string) => chainHash(context.auditKey, previous, content);

  const problems: AuditProblem[] = [];
  let problemCount = 0;
  const report = (kind: AuditProblemKind, recordId: number) => {
    problemCount += 1;
    if (problems.length < maxProblems) problems.push({ kind, recordId });
  };

  /** The content a seal stands for, or null when it cannot be known (its record is gone). */
  const sealedContent = (slot: Slot, present: boolean): string | null => {
    if (!present) return gapContent(slot.id);
    return slot.record ? canonicalContent(slot.record) : null;
  };
  /** Whether the slot's seal was computed from this previous hash. */
  const builtOn = (previous: string, slot: Slot | undefined): boolean => {
    if (!slot?.seal) return false;
    const content = sealedContent(slot, slot.seal.present);
    return content !== null && hash(previous, content) === slot.seal.hash;
  };

  // Records below the first id the chain can cover were never sealed: they were put there.
  const belowRange = await queryRows<{ id: string }>(
    context.db,
    sql`select r.id::text as "id" from audit_records r where r.id < 1 order by r.id`,
  );
  for (const row of belowRange) report("inserted_record", Number(row.id));

  /**
   * The hash the chain had at the previous id, and whether it is known to be genuine (it matched
   * its own link, or the next seal was built on it). Null when a missing seal left it unknown.
   */
  let previous: string | null = genesisHash;
  let trusted = true;
  let checkedIds = 0;
  let checkedRecords = 0;

  const check = (slot: Slot, next: Slot | undefined) => {
    checkedIds += 1;
    if (slot.record) checkedRecords += 1;
    const { seal, record } = slot;
    if (!seal) {
      report("seal_missing", slot.id);
      // Which content did the vanished seal stand for? The next seal was built on it.
      const fromRecord = previous !== null && record ? hash(previous, canonicalContent(record)) : null;
      const fromGap = previous !== null ? hash(previous, gapContent(slot.id)) : null;
      if (fromRecord && builtOn(fromRecord, next)) {
        previous = fromRecord;
        return;
      }
      if (record) report("inserted_record", slot.id);
      if (fromGap && builtOn(fromGap, next)) {
        previous = fromGap;
        return;
      }
      previous = null;
      trusted = false;
      return;
    }
    if (seal.present && !record) report("removed_record", slot.id);
    if (!seal.present && record) report("inserted_record", slot.id);
    const content = sealedContent(slot, seal.present);
    if (content === null || previous === null) {
      // A removed record's link cannot be recomputed; nor can any link after a vanished seal,
      // so a record there cannot be vouched for.
      if (content !== null && seal.present) report("record_or_seal_altered", slot.id);
      previous = seal.hash;
      trusted = builtOn(seal.hash, next);
      return;
    }
    const expected = hash(previous, content);
    if (expected === seal.hash) {
      previous = seal.hash;
      trusted = true;
      return;
    }
    if (builtOn(seal.hash, next)) {
      // The next seal was built on the stored hash, so this seal is genuine: what it covers
      // changed (this record, or the previous hash when that one is itself in doubt).
      const kind = !seal.present ? "seal_altered" : trusted ? "altered_record" : "record_or_seal_altered";
      report(kind, slot.id);
      previous = seal.hash;
      trusted = true;
    } else if (builtOn(expected, next)) {
      // The chain carries on from the recomputed hash: the seal row itself was changed.
      report("seal_altered", slot.id);
      previous = expected;
      trusted = true;
    } else {
      report(seal.present ? "record_or_seal_altered" : "seal_altered", slot.id);
      previous = seal.hash;
      trusted = false;
    }
  };

  let waiting: Slot | undefined;
  for await (const slot of slotsUpTo(context.db, sealedUpTo, windowSize)) {
    if (waiting) check(waiting, slot);
    waiting = slot;
    if (slot.id % windowSize === 0) options.onProgress?.({ checkedIds, sealedUpTo });
  }
  if (waiting) check(waiting, undefined);
  options.onProgress?.({ checkedIds, sealedUpTo });

  problems.sort((a, b) => a.recordId - b.recordId);
  const anchor = context.anchors ? await checkAuditAnchor(context, context.anchors) : null;
  return {
    checkedIds,
    checkedRecords,
    sealedUpTo,
    pending,
    headHash: head?.hash ?? null,
    problemCount,
    problems,
    anchor,
    ok: problemCount === 0 && (anchor?.ok ?? true),
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
