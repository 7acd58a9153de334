import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdir, open, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Anchors: the chain's head written outside the database, so that someone who controls the
 * database cannot cut records off the end of the trail unnoticed. One anchor is one line of JSON
 * in an append-only file: the sealed high-water mark, the chain's hash there, the time, and an
 * HMAC with the audit key (a line appended by someone without the key is recognised as forged).
 */

export interface AuditAnchor {
  /** The sealed high-water mark: the record id of the chain's head when the anchor was written. */
  sequence: number;
  /** The chain's hash at that record id. */
  hash: string;
  /** ISO 8601, UTC. */
  at: string;
}

/** Distinguishes an anchor's MAC from every hash of the chain, which uses the same key. */
const anchorVersion = "karvan.audit.anchor.v1";

/** Reading the end of the file is enough: anchors are appended in sealing order. */
const tailBytes = 64 * 1024;

const hashPattern = /^[0-9a-f]{64}$/;

function anchorMac(auditKey: string, anchor: AuditAnchor): string {
  return createHmac("sha256", auditKey)
    .update(JSON.stringify([anchorVersion, anchor.sequence, anchor.hash, anchor.at]))
    .digest("hex");
}

/** The anchor as one line of the file (and of the auditor's e-mail), newline included. */
export function anchorLine(auditKey: string, anchor: AuditAnchor): string {
  const { sequence, hash, at } = anchor;
  return `${JSON.stringify({ v: 1, sequence, hash, at, mac: anchorMac(auditKey, anchor) })}\n`;
}

export type ParsedAnchorLine =
  | { kind: "anchor"; anchor: AuditAnchor }
  /** Well-formed, but its MAC is not the audit key's: someone else wrote it. */
  | { kind: "forged"; anchor: AuditAnchor }
  /** Not an anchor at all (a write cut short by a crash, or garbage). */
  | { kind: "unreadable" };

export function parseAnchorLine(auditKey: string, line: string): ParsedAnchorLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: "unreadable" };
  }
  const fields = value as Record<string, unknown> | null;
  if (
    typeof fields !== "object" ||
    fields === null ||
    fields.v !== 1 ||
    !Number.isSafeInteger(fields.sequence) ||
    (fields.sequence as number) < 1 ||
    typeof fields.hash !== "string" ||
    !hashPattern.test(fields.hash) ||
    typeof fields.at !== "string" ||
    Number.isNaN(Date.parse(fields.at)) ||
    typeof fields.mac !== "string"
  ) {
    return { kind: "unreadable" };
  }
  const anchor: AuditAnchor = { sequence: fields.sequence as number, hash: fields.hash, at: fields.at };
  const expected = Buffer.from(anchorMac(auditKey, anchor), "hex");
  const given = Buffer.from(fields.mac, "hex");
  const genuine = given.length === expected.length && timingSafeEqual(given, expected);
  return genuine ? { kind: "anchor", anchor } : { kind: "forged", anchor };
}

/**
 * Appends one anchor and waits until it is on disk. The file is opened for appending only and
 * never rewritten; the operating system can enforce that (`chattr +a`, a WORM mount).
 */
export async function appendAnchor(file: string, auditKey: string, anchor: AuditAnchor): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const created = await stat(file).then(
    () => false,
    () => true,
  );
  // "a+": O_APPEND, and readable, to look at the last byte.
  const handle = await open(file, "a+", 0o600);
  try {
    const { size } = await handle.stat();
    let prefix = "";
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      // A crash cut the previous line short: start a line of our own rather than finish that one.
      if (last[0] !== 0x0a) prefix = "\n";
    }
    await handle.write(prefix + anchorLine(auditKey, anchor));
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await syncDirectory(path.dirname(file));
}

/** Makes a new file's directory entry durable, where the platform allows it. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory; the file's own fsync is what matters there.
  }
}

export interface AnchorFileReading {
  /** False when the file does not exist (yet). */
  exists: boolean;
  /** The genuine anchor with the highest sequence near the end of the file. */
  latest: AuditAnchor | null;
  /** Lines near the end whose MAC is wrong. */
  forged: number;
  /** Lines near the end that are not anchors. */
  unreadable: number;
}

/**
 * Reads the anchors at the end of the file (the last 64 KiB: hundreds of anchors). Several sealing
 * processes may append out of order by a line or two, so the highest sequence wins, not the
 * last line.
 */
export async function readLatestAnchor(file: string, auditKey: string): Promise<AnchorFileReading> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { exists: false, latest: null, forged: 0, unreadable: 0 };
    }
    throw error;
  }
  let text: string;
  let partialFirstLine: boolean;
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - tailBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    text = buffer.toString("utf8");
    partialFirstLine = start > 0;
  } finally {
    await handle.close();
  }
  const lines = text.split("\n");
  // The first line of a tail starts in the middle; a last line without its newline is a write
  // that was cut short (or is still under way in another process).
  if (partialFirstLine) lines.shift();
  lines.pop();
  const reading: AnchorFileReading = { exists: true, latest: null, forged: 0, unreadable: 0 };
  for (const line of lines) {
    if (line.trim() === "") continue;
    const parsed = parseAnchorLine(auditKey, line);
    if (parsed.kind === "forged") reading.forged += 1;
    else if (parsed.kind === "unreadable") reading.unreadable += 1;
    else if (!reading.latest || parsed.anchor.sequence > reading.latest.sequence)
      reading.latest = parsed.anchor;
  }
  return reading;
}
