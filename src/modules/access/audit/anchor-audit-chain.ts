import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import { type I18n, supportedLocales } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import { type AuditAnchor, anchorLine, appendAnchor, readLatestAnchor } from "./audit-anchor-log.js";
import { chainHead } from "./audit-chain.js";
import { type AnchorComparison, compareWithAnchor } from "./check-audit-anchor.js";

/** Where the chain's head is anchored; at least one of the two in production. */
export interface AuditAnchorSettings {
  /** The append-only anchor file; null: no file. */
  file: string | null;
  /** The auditor's address that receives the latest anchor; null: no mail. */
  mailTo: string | null;
  /** At most one anchor e-mail per this many milliseconds. */
  mailIntervalMs: number;
}

export function auditAnchorSettings(
  config: Pick<KarvanConfig, "auditAnchorFile" | "auditAnchorMail" | "auditAnchorMailMinutes">,
): AuditAnchorSettings {
  return {
    file: config.auditAnchorFile,
    mailTo: config.auditAnchorMail ?? null,
    mailIntervalMs: config.auditAnchorMailMinutes * 60_000,
  };
}

export interface AnchoringContext {
  db: Queryable;
  auditKey: string;
  settings: AuditAnchorSettings;
  /** Needed when `settings.mailTo` is set. */
  mail?: { mailer: Mailer; i18n: I18n } | undefined;
  now?: () => Date;
}

export type AnchoringOutcome =
  | { state: "anchored"; anchor: AuditAnchor }
  /** The head has not moved since the last anchor (or nothing is sealed). */
  | { state: "unchanged" }
  /** Neither a file nor an address is configured. */
  | { state: "disabled" }
  /**
   * The chain no longer holds the last anchor: its end was cut off or it was rewritten. Nothing
   * is anchored until the anchor file is dealt with, so that the evidence stays the latest anchor.
   */
  | { state: "refused"; anchor: AuditAnchor; comparison: Exclude<AnchorComparison, { fits: true }> };

/** The chain's head after a sealing pass: the record id it reaches and the hash there. */
export interface ChainHeadPosition {
  sequence: number;
  hash: string;
}

/**
 * Writes an anchor after each sealing pass that moved the chain's head. Before it writes, it
 * checks that the chain still holds the previous anchor: a sealer that carried on after the end
 * was cut off (new records sealed past the old head) would otherwise anchor the shortened chain,
 * and the latest anchor would vouch for it. So every anchor in the file continues the one before,
 * and checking the latest is checking them all.
 */
export class AuditAnchoring {
  /** The anchor this one must continue; undefined until read from the file. */
  private previous: AuditAnchor | null | undefined;
  private refusedAt: AuditAnchor | null = null;
  private lastMailedAt = Number.NEGATIVE_INFINITY;
  private lastMailedSequence = 0;
  private latest: AuditAnchor | null = null;
  private readonly now: () => Date;

  constructor(private readonly context: AnchoringContext) {
    this.now = context.now ?? (() => new Date());
    if (context.settings.mailTo && !context.mail) throw new Error("anchor e-mail needs a mailer");
  }

  get enabled(): boolean {
    return this.context.settings.file !== null || this.context.settings.mailTo !== null;
  }

  /** Call after every sealing pass, with the head when the pass sealed anything, else null. */
  async afterSealing(head: ChainHeadPosition | null): Promise<AnchoringOutcome> {
    if (!this.enabled) return { state: "disabled" };
    const outcome = head ? await this.anchor(head) : ({ state: "unchanged" } as const);
    await this.mailWhenDue();
    return outcome;
  }

  /** Anchors the head as it is now (`karvan audit anchor`), sealing pass or not. */
  async anchorCurrentHead(): Promise<AnchoringOutcome> {
    const head = await chainHead(this.context.db);
    return this.afterSealing(head ? { sequence: head.sealedUpTo, hash: head.hash } : null);
  }

  private async anchor(head: ChainHeadPosition): Promise<AnchoringOutcome> {
    const { file } = this.context.settings;
    // While refusing, read the file again each time: an operator may have moved it aside.
    if (this.previous === undefined || this.refusedAt) {
      this.previous = file ? (await readLatestAnchor(file, this.context.auditKey)).latest : null;
    }
    const previous = this.previous;
    if (previous && head.sequence <= previous.sequence && head.hash === previous.hash) {
      return { state: "unchanged" };
    }
    if (previous) {
      const comparison = await compareWithAnchor(this.context.db, previous);
      if (!comparison.fits) {
        this.refusedAt = previous;
        return { state: "refused", anchor: previous, comparison };
      }
      // The head moved backwards or sideways without breaking the anchor: another process sealed
      // ahead of the position this pass saw; that process anchors its own head.
      if (head.sequence <= previous.sequence) return { state: "unchanged" };
    }
    this.refusedAt = null;
    const anchor: AuditAnchor = { sequence: head.sequence, hash: head.hash, at: this.now().toISOString() };
    if (file) await appendAnchor(file, this.context.auditKey, anchor);
    this.previous = anchor;
    this.latest = anchor;
    return { state: "anchored", anchor };
  }

  /** Mails the latest anchor once the interval since the last anchor e-mail has passed. */
  private async mailWhenDue(): Promise<void> {
    const { mailTo, mailIntervalMs } = this.context.settings;
    const anchor = this.latest;
    if (!mailTo || !this.context.mail || !anchor || anchor.sequence <= this.lastMailedSequence) return;
    const nowMs = this.now().getTime();
    if (nowMs - this.lastMailedAt < mailIntervalMs) return;
    await this.context.mail.mailer.send({
      id: `audit-anchor-${anchor.sequence}`,
      to: mailTo,
      ...anchorMail(this.context.mail.i18n, anchorLine(this.context.auditKey, anchor).trim(), anchor),
    });
    this.lastMailedAt = nowMs;
    this.lastMailedSequence = anchor.sequence;
  }
}

/**
 * The auditor's address belongs to no account, so its language is unknown: the message says it
 * in every language the service speaks. The anchor line is what `karvan audit verify --anchor`
 * takes.
 */
function anchorMail(i18n: I18n, line: string, anchor: AuditAnchor): { subject: string; text: string } {
  const values = { sequence: anchor.sequence, hash: anchor.hash, at: anchor.at, line };
  const subject = supportedLocales.map((locale) => i18n.t(locale)("audit.anchorMail.subject", values));
  const text = supportedLocales.map((locale) => i18n.t(locale)("audit.anchorMail.text", values));
  return { subject: subject.join(" / "), text: `${text.join("\n\n----\n\n")}\n\n${line}\n` };
}
