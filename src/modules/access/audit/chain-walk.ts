import {
  type CanonicalRecord,
  canonicalContent,
  chainHash,
  gapContent,
  genesisHash,
  type SealRow,
} from "./audit-chain.js";

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

/** One id of the sealed range with what the database holds for it. */
export interface Slot {
  id: number;
  seal: SealRow | undefined;
  record: CanonicalRecord | undefined;
}

/**
 * The walk along the chain, one id at a time, each seen with the next one. When a link does not
 * match, the next link tells why: if it was built on the stored hash, the seal is genuine and the
 * record changed; if it was built on the recomputed hash, the seal was changed.
 */
export class ChainWalk {
  readonly problems: AuditProblem[] = [];
  problemCount = 0;
  checkedIds = 0;
  checkedRecords = 0;
  /**
   * The hash the chain had at the previous id, and whether it is known to be genuine (it matched
   * its own link, or the next seal was built on it). Null when a missing seal left it unknown.
   */
  private previous: string | null = genesisHash;
  private trusted = true;

  constructor(
    private readonly auditKey: string,
    private readonly maxProblems: number,
  ) {}

  report(kind: AuditProblemKind, recordId: number): void {
    this.problemCount += 1;
    if (this.problems.length < this.maxProblems) this.problems.push({ kind, recordId });
  }

  check(slot: Slot, next: Slot | undefined): void {
    this.checkedIds += 1;
    if (slot.record) this.checkedRecords += 1;
    if (!slot.seal) {
      this.sealMissing(slot, next);
      return;
    }
    const { seal, record } = slot;
    if (seal.present && !record) this.report("removed_record", slot.id);
    if (!seal.present && record) this.report("inserted_record", slot.id);
    const content = this.sealedContent(slot, seal.present);
    if (content === null || this.previous === null) {
      // A removed record's link cannot be recomputed; nor can any link after a vanished seal,
      // so a record there cannot be vouched for.
      if (content !== null && seal.present) this.report("record_or_seal_altered", slot.id);
      this.follow(seal.hash, this.builtOn(seal.hash, next));
      return;
    }
    const expected = this.hash(this.previous, content);
    if (expected === seal.hash) this.follow(seal.hash, true);
    else this.brokenLink(slot, seal, expected, next);
  }

  private hash(previous: string, content: string): string {
    return chainHash(this.auditKey, previous, content);
  }

  private follow(hash: string | null, trusted: boolean): void {
    this.previous = hash;
    this.trusted = trusted;
  }

  /** The content a seal stands for, or null when it cannot be known (its record is gone). */
  private sealedContent(slot: Slot, present: boolean): string | null {
    if (!present) return gapContent(slot.id);
    return slot.record ? canonicalContent(slot.record) : null;
  }

  /** Whether the slot's seal was computed from this previous hash. */
  private builtOn(previous: string, slot: Slot | undefined): boolean {
    if (!slot?.seal) return false;
    const content = this.sealedContent(slot, slot.seal.present);
    return content !== null && this.hash(previous, content) === slot.seal.hash;
  }

  private sealMissing(slot: Slot, next: Slot | undefined): void {
    this.report("seal_missing", slot.id);
    const { previous } = this;
    // Which content did the vanished seal stand for? The next seal was built on it.
    const fromRecord =
      previous !== null && slot.record ? this.hash(previous, canonicalContent(slot.record)) : null;
    const fromGap = previous !== null ? this.hash(previous, gapContent(slot.id)) : null;
    if (fromRecord && this.builtOn(fromRecord, next)) {
      this.previous = fromRecord;
      return;
    }
    if (slot.record) this.report("inserted_record", slot.id);
    if (fromGap && this.builtOn(fromGap, next)) {
      this.previous = fromGap;
      return;
    }
    this.follow(null, false);
  }

  private brokenLink(slot: Slot, seal: SealRow, expected: string, next: Slot | undefined): void {
    if (this.builtOn(seal.hash, next)) {
      // The next seal was built on the stored hash, so this seal is genuine: what it covers
      // changed (this record, or the previous hash when that one is itself in doubt).
      const kind = !seal.present
        ? "seal_altered"
        : this.trusted
          ? "altered_record"
          : "record_or_seal_altered";
      this.report(kind, slot.id);
      this.follow(seal.hash, true);
    } else if (this.builtOn(expected, next)) {
      // The chain carries on from the recomputed hash: the seal row itself was changed.
      this.report("seal_altered", slot.id);
      this.follow(expected, true);
    } else {
      this.report(seal.present ? "record_or_seal_altered" : "seal_altered", slot.id);
      this.follow(seal.hash, false);
    }
  }
}
