import type { Queryable } from "../../../platform/db/index.js";
import { type AnchorFileReading, type AuditAnchor, readLatestAnchor } from "./audit-anchor-log.js";
import { chainHead, sealsBetween } from "./audit-chain.js";

/** How the chain in the database compares with an anchor written earlier. */
export type AnchorComparison =
  /** The chain holds the anchored hash at the anchored record id. */
  | { fits: true }
  /** The chain ends before the anchored record id: its end was cut off. */
  | { fits: false; reason: "cut_off"; sealedUpTo: number }
  /** The chain has another hash (or no seal) at the anchored record id: it was rewritten. */
  | { fits: false; reason: "rewritten"; foundHash: string | null };

export async function compareWithAnchor(db: Queryable, anchor: AuditAnchor): Promise<AnchorComparison> {
  const sealedUpTo = (await chainHead(db))?.sealedUpTo ?? 0;
  if (sealedUpTo < anchor.sequence) return { fits: false, reason: "cut_off", sealedUpTo };
  const [seal] = await sealsBetween(db, anchor.sequence, anchor.sequence);
  if (seal?.hash === anchor.hash) return { fits: true };
  return { fits: false, reason: "rewritten", foundHash: seal?.hash ?? null };
}

/** Where verification finds the anchors. */
export interface AnchorSource {
  /** The append-only anchor file; null when anchors go by e-mail only. */
  file: string | null;
  /** An anchor given by hand (from an auditor's e-mail), checked instead of the file's latest. */
  given?: AuditAnchor | undefined;
}

export type AnchorState =
  /** The chain holds the latest anchor: nothing was cut off the end or rewritten before it. */
  | "matches"
  /** The chain ends before the latest anchor. */
  | "cut_off"
  /** The chain differs from the latest anchor. */
  | "rewritten"
  /** Lines of the anchor file carry a MAC that is not the audit key's. */
  | "forged"
  /** The anchor file exists but cannot be read (its permissions): nothing can be compared. */
  | "file_unreadable"
  /** The chain has sealed records but there is no anchor: a cut-off end cannot be detected. */
  | "missing"
  /** Nothing is sealed and nothing anchored yet. */
  | "none"
  /** No anchor file is configured and none was given. */
  | "not_configured";

export interface AnchorCheck {
  state: AnchorState;
  /** False when the state proves tampering; "missing" is a warning only. */
  ok: boolean;
  /** The anchor compared against. */
  anchor: AuditAnchor | null;
  sealedUpTo: number;
  /** The chain's hash at the anchored record id, when it differs. */
  foundHash: string | null;
  /** Lines near the end of the file that are not anchors (a write cut short by a crash). */
  unreadableLines: number;
  forgedLines: number;
  /** Why the anchor file could not be read, when it could not. */
  readError: string | null;
}

/**
 * Compares the chain with its latest anchor. Together with the chain's own verification this
 * proves the trail up to the anchor is what was sealed: every link up to the anchored hash.
 */
export async function checkAuditAnchor(
  context: { db: Queryable; auditKey: string },
  source: AnchorSource,
): Promise<AnchorCheck> {
  const sealedUpTo = (await chainHead(context.db))?.sealedUpTo ?? 0;
  let reading: AnchorFileReading = { exists: false, latest: null, forged: 0, unreadable: 0 };
  let readError: string | null = null;
  if (source.file) {
    try {
      reading = await readLatestAnchor(source.file, context.auditKey);
    } catch (error) {
      readError = (error as Error).message;
    }
  }
  const anchor = source.given ?? reading.latest;
  const check: AnchorCheck = {
    state: "matches",
    ok: true,
    anchor,
    sealedUpTo,
    foundHash: null,
    unreadableLines: reading.unreadable,
    forgedLines: reading.forged,
    readError,
  };
  if (anchor) {
    const comparison = await compareWithAnchor(context.db, anchor);
    if (!comparison.fits) {
      return {
        ...check,
        state: comparison.reason,
        ok: false,
        foundHash: comparison.reason === "rewritten" ? comparison.foundHash : null,
      };
    }
  }
  if (reading.forged > 0) return { ...check, state: "forged", ok: false };
  if (readError && !source.given) return { ...check, state: "file_unreadable", ok: false };
  if (anchor) return check;
  if (!source.file) return { ...check, state: "not_configured" };
  return { ...check, state: sealedUpTo > 0 ? "missing" : "none" };
}
