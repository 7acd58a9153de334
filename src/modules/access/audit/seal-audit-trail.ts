import { sql } from "drizzle-orm";
import { type Database, type Queryable, queryRows } from "../../../platform/db/index.js";
import type { AnchoringOutcome, AuditAnchoring, ChainHeadPosition } from "./anchor-audit-chain.js";
import {
  type CanonicalRecord,
  canonicalColumns,
  canonicalContent,
  chainHash,
  chainHead,
  gapContent,
  genesisHash,
} from "./audit-chain.js";

/**
 * Sealing runs behind the request path: requests append audit records with a plain INSERT, and
 * the sealer later extends the hash chain over them in id order, in batches, one instance at a
 * time (a transaction-scoped advisory lock).
 *
 * The hard part is a missing id. A bigserial id is taken before the inserting transaction commits,
 * so an id below the highest visible one may belong to a transaction that is still running (its
 * record will appear) or to one that rolled back (it never will). Sealing it as a gap too early
 * would make a genuine record look inserted; so the sealer stops at a missing id until the gap is
 * final: every transaction that was running when the sealer took a snapshot has ended. The
 * snapshot is taken once the gap has been seen for a couple of seconds, not at first sight: a
 * transaction gets its transaction id at its first write, a moment after drawing the record id,
 * and a snapshot taken in that moment would not list it as running.
 */

export interface SealingContext {
  db: Database;
  auditKey: string;
}

export interface SealingOptions {
  /** Seals written per transaction. */
  batchSize?: number;
}

/** Why a sealing pass stopped. */
export type SealingState =
  /** Another instance holds the sealing lock. */
  | "locked"
  /** Everything visible is sealed. */
  | "caught_up"
  /** The batch was full: more records are waiting. */
  | "behind"
  /** Stopped at a missing id that may still be filled by a running transaction. */
  | "waiting_for_gap";

export interface SealingPass {
  state: SealingState;
  sealedRecords: number;
  sealedGaps: number;
  sealedUpTo: number;
  /** The missing id sealing waits on, when state is waiting_for_gap. */
  waitingFor: number | null;
  /** The chain's hash at `sealedUpTo` when this pass sealed anything: what gets anchored. */
  headHash: string | null;
}

/** Any constant shared by every instance; identifies the sealing lock among advisory locks. */
const sealingLockKey = sql.raw("7315042219");

const defaultBatchSize = 1000;

/** Ids of one run of missing ids watched at once (a run is rarely longer than a few dozen). */
const maxWatchedRun = 10_000;

interface SnapshotBounds {
  xmin: bigint;
  xmax: bigint;
}

/**
 * Remembers missing ids between passes and decides when each is final. Kept in memory: another
 * instance that takes over simply starts watching the gap afresh, which only delays it.
 */
export class GapWatch {
  private readonly watched = new Map<number, { firstSeenAt: number; waitForXid: bigint | null }>();

  constructor(
    /** How long a gap must have been seen before its snapshot is taken. */
    private readonly settleMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts watching every id of a run of missing ids: they were all seen missing at this moment,
   * so they settle together rather than one after another.
   */
  noticeMissing(fromId: number, toId: number): void {
    const now = this.now();
    const last = Math.min(toId, fromId + maxWatchedRun - 1);
    for (let gapId = fromId; gapId <= last; gapId += 1) {
      if (!this.watched.has(gapId)) this.watched.set(gapId, { firstSeenAt: now, waitForXid: null });
    }
  }

  /**
   * A missing id is final (a rolled-back transaction drew it) once every transaction that was
   * running after the gap was seen has ended. `passStart` must be taken before this pass read the
   * records: a transaction that ended before it is visible to that read, so its record would have
   * been there. (Each transaction takes its transaction id before its record id: migration 0005.)
   */
  async isFinal(
    gapId: number,
    passStart: SnapshotBounds,
    snapshotAfterRead: () => Promise<SnapshotBounds>,
  ): Promise<boolean> {
    const now = this.now();
    let watch = this.watched.get(gapId);
    if (!watch) {
      watch = { firstSeenAt: now, waitForXid: null };
      this.watched.set(gapId, watch);
    }
    if (now - watch.firstSeenAt < this.settleMs) return false;
    if (watch.waitForXid === null) {
      // Every settled gap waits for the same transactions, so that a run of gaps is sealed together.
      const { xmax } = await snapshotAfterRead();
      for (const other of this.watched.values()) {
        if (other.waitForXid === null && now - other.firstSeenAt >= this.settleMs) other.waitForXid = xmax;
      }
      return false;
    }
    return passStart.xmin >= watch.waitForXid;
  }

  /** Forgets gaps that are sealed. */
  sealedUpTo(recordId: number): void {
    for (const gapId of this.watched.keys()) if (gapId <= recordId) this.watched.delete(gapId);
  }
}

async function currentSnapshot(db: Queryable): Promise<SnapshotBounds> {
  const [row] = await queryRows<{ xmin: string; xmax: string }>(
    db,
    sql`select pg_snapshot_xmin(s)::text as "xmin", pg_snapshot_xmax(s)::text as "xmax"
        from (select pg_current_snapshot() as s) as snapshot`,
  );
  if (!row) throw new Error("no snapshot");
  return { xmin: BigInt(row.xmin), xmax: BigInt(row.xmax) };
}

interface NewSeal {
  recordId: number;
  present: boolean;
  hash: string;
  batch: number;
}

/** Writes the seals in one statement with one parameter: several times faster than a VALUES list. */
async function insertSeals(db: Queryable, seals: NewSeal[]): Promise<void> {
  const rows = JSON.stringify(
    seals.map((seal) => ({
      record_id: seal.recordId,
      present: seal.present,
      hash: seal.hash,
      batch: seal.batch,
    })),
  );
  await db.execute(
    sql`insert into audit_seals (record_id, present, hash, batch)
        select seal.record_id, seal.present, seal.hash, seal.batch
        from jsonb_to_recordset(${rows}::jsonb) as seal(record_id bigint, present boolean, hash text, batch integer)`,
  );
}

/**
 * One sealing pass: extends the chain over at most one batch of records, in one transaction.
 * Everything is read (and every gap judged) before the first write, so that the pass has no
 * transaction id of its own while it looks at the snapshot.
 */
export async function sealNextBatch(
  context: SealingContext,
  gaps: GapWatch,
  options: SealingOptions = {},
): Promise<SealingPass> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  return context.db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${sealingLockKey}) as "locked"`,
    );
    if (!lock?.locked) {
      return {
        state: "locked",
        sealedRecords: 0,
        sealedGaps: 0,
        sealedUpTo: 0,
        waitingFor: null,
        headHash: null,
      };
    }
    // Taken before the records are read: see GapWatch.isFinal.
    const passStart = await currentSnapshot(tx);
    const head = await chainHead(tx);
    let sealedUpTo = head?.sealedUpTo ?? 0;
    let previousHash = head?.hash ?? genesisHash;
    const batch = (head?.batch ?? 0) + 1;
    const records = await queryRows<CanonicalRecord>(
      tx,
      sql`select ${canonicalColumns} from audit_records r
          where r.id > ${sealedUpTo} order by r.id limit ${batchSize}`,
    );

    let snapshot: SnapshotBounds | null = null;
    const takeSnapshot = async () => {
      snapshot ??= await currentSnapshot(tx);
      return snapshot;
    };
    const seals: NewSeal[] = [];
    let waitingFor: number | null = null;
    sealing: for (const record of records) {
      const recordId = Number(record.id);
      if (sealedUpTo + 1 < recordId) gaps.noticeMissing(sealedUpTo + 1, recordId - 1);
      while (sealedUpTo + 1 < recordId) {
        const gapId = sealedUpTo + 1;
        if (!(await gaps.isFinal(gapId, passStart, takeSnapshot))) {
          waitingFor = gapId;
          break sealing;
        }
        previousHash = chainHash(context.auditKey, previousHash, gapContent(gapId));
        seals.push({ recordId: gapId, present: false, hash: previousHash, batch });
        sealedUpTo = gapId;
        if (seals.length >= batchSize) break sealing;
      }
      if (seals.length >= batchSize) break;
      previousHash = chainHash(context.auditKey, previousHash, canonicalContent(record));
      seals.push({ recordId, present: true, hash: previousHash, batch });
      sealedUpTo = recordId;
    }

    if (seals.length > 0) await insertSeals(tx, seals);
    gaps.sealedUpTo(sealedUpTo);
    const sealedRecords = seals.filter((seal) => seal.present).length;
    const full = records.length === batchSize || seals.length >= batchSize;
    const state: SealingState =
      waitingFor !== null ? "waiting_for_gap" : full && seals.length > 0 ? "behind" : "caught_up";
    return {
      state,
      sealedRecords,
      sealedGaps: seals.length - sealedRecords,
      sealedUpTo,
      waitingFor,
      headHash: seals.length > 0 ? previousHash : null,
    };
  });
}

export interface SealPendingOptions extends SealingOptions {
  gaps?: GapWatch;
  /** Give up waiting on a missing id (or on another instance's lock) after this long. */
  timeoutMs?: number;
  /** Pause between attempts while waiting. */
  pollMs?: number;
  onProgress?: (progress: { sealedUpTo: number; target: number }) => void;
  /** Anchors the head after each pass that moved it. */
  anchoring?: AuditAnchoring | undefined;
}

export interface SealPendingResult {
  sealedRecords: number;
  sealedGaps: number;
  sealedUpTo: number;
  /** Records that were visible at the start and are still unsealed (waiting on a gap). */
  remaining: number;
  waitingFor: number | null;
  /** What anchoring did last (anchored, or refused because the chain broke its last anchor). */
  anchoring: AnchoringOutcome | null;
}

/** The head a pass leaves behind, when it sealed anything. */
export function headAfter(pass: SealingPass): ChainHeadPosition | null {
  return pass.headHash ? { sequence: pass.sealedUpTo, hash: pass.headHash } : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Seals every record visible now (`karvan audit seal`, tests): keeps sealing batches until the
 * chain reaches the highest id seen at the start, waiting on missing ids until they are final
 * or the timeout passes.
 */
export async function sealPendingRecords(
  context: SealingContext,
  options: SealPendingOptions = {},
): Promise<SealPendingResult> {
  const gaps = options.gaps ?? new GapWatch();
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pollMs = options.pollMs ?? 250;
  const [top] = await queryRows<{ maxId: string | null }>(
    context.db,
    sql`select max(id)::text as "maxId" from audit_records`,
  );
  const target = Number(top?.maxId ?? 0);
  const result: SealPendingResult = {
    sealedRecords: 0,
    sealedGaps: 0,
    sealedUpTo: (await chainHead(context.db))?.sealedUpTo ?? 0,
    remaining: 0,
    waitingFor: null,
    anchoring: null,
  };
  const deadline = Date.now() + timeoutMs;
  while (result.sealedUpTo < target) {
    const pass = await sealNextBatch(context, gaps, options);
    if (pass.state === "locked") {
      result.sealedUpTo = (await chainHead(context.db))?.sealedUpTo ?? 0;
    } else {
      result.sealedRecords += pass.sealedRecords;
      result.sealedGaps += pass.sealedGaps;
      result.sealedUpTo = pass.sealedUpTo;
    }
    result.waitingFor = pass.waitingFor;
    const anchoring = await options.anchoring?.afterSealing(headAfter(pass));
    if (anchoring && anchoring.state !== "unchanged") result.anchoring = anchoring;
    options.onProgress?.({ sealedUpTo: result.sealedUpTo, target });
    if (result.sealedUpTo >= target || pass.state === "behind") continue;
    if (pass.state === "caught_up") break;
    if (Date.now() >= deadline) break;
    await sleep(pollMs);
  }
  if (result.sealedUpTo < target) {
    const [left] = await queryRows<{ count: number }>(
      context.db,
      sql`select count(*)::int as "count" from audit_records where id > ${result.sealedUpTo} and id <= ${target}`,
    );
    result.remaining = Number(left?.count ?? 0);
  } else {
    result.waitingFor = null;
  }
  return result;
}
