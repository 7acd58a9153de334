import { startBackgroundLoop } from "../../../platform/jobs/index.js";
import type { AnchoringOutcome, AuditAnchoring } from "./anchor-audit-chain.js";
import {
  GapWatch,
  headAfter,
  type SealingContext,
  type SealingPass,
  sealNextBatch,
} from "./seal-audit-trail.js";

/** Where the sealer reports failures; Fastify's logger fits. */
export interface SealerLog {
  error(details: Record<string, unknown>, message: string): void;
}

export interface AuditSealerOptions extends SealingContext {
  log?: SealerLog;
  batchSize?: number;
  /** How long a missing id must have been seen before it can be sealed as a gap. */
  gapSettleMs?: number;
  /** Pause between passes while behind or waiting for a gap. */
  busyIntervalMs?: number;
  /** Pause between passes when everything is sealed. */
  idleIntervalMs?: number;
  /** Pause after a failed pass. */
  failureIntervalMs?: number;
  /** Anchors the chain's head outside the database after each pass that moved it. */
  anchoring?: AuditAnchoring | undefined;
}

export interface AuditSealer {
  /** Runs one pass now (tests, and `stop` waits for the one in progress). */
  runOnce(): Promise<SealingPass | null>;
  stop(): Promise<void>;
}

/**
 * The background sealer of one process. Every instance may run one: the advisory lock lets one
 * seal at a time, and the others find the lock taken and try again later.
 */
export function startAuditSealer(options: AuditSealerOptions): AuditSealer {
  const gaps = new GapWatch(options.gapSettleMs ?? 2000);
  const busyMs = options.busyIntervalMs ?? 500;
  const idleMs = options.idleIntervalMs ?? 2000;
  const anchor = anchorAfterPasses(options);
  return startBackgroundLoop<SealingPass>({
    pass: async () => {
      const pass = await sealNextBatch(options, gaps, { batchSize: options.batchSize ?? 1000 });
      await anchor(pass);
      return pass;
    },
    // A full batch means a backlog: carry on at once. A gap or another instance's lock: soon.
    pauseAfter: (pass) => {
      if (pass.state === "behind") return 0;
      if (pass.state === "caught_up" && pass.sealedRecords + pass.sealedGaps === 0) return idleMs;
      return busyMs;
    },
    failureMs: options.failureIntervalMs ?? 10_000,
    onFailure: (error) => options.log?.error({ err: error }, "audit sealing failed"),
  });
}

/**
 * Anchoring after a pass. Its failures are logged, not thrown: the seals are committed, and the
 * next pass anchors the head again. A refusal (the chain no longer holds the last anchor) is
 * logged once per anchor, not on every pass.
 */
function anchorAfterPasses(options: AuditSealerOptions): (pass: SealingPass) => Promise<void> {
  let reportedRefusal: number | null = null;
  return async (pass) => {
    if (!options.anchoring) return;
    let outcome: AnchoringOutcome;
    try {
      outcome = await options.anchoring.afterSealing(headAfter(pass));
    } catch (error) {
      options.log?.error({ err: error }, "anchoring the audit chain failed");
      return;
    }
    if (outcome.state !== "refused") {
      if (outcome.state === "anchored") reportedRefusal = null;
      return;
    }
    if (reportedRefusal === outcome.anchor.sequence) return;
    reportedRefusal = outcome.anchor.sequence;
    options.log?.error(
      { anchor: outcome.anchor, comparison: outcome.comparison },
      "the audit chain does not hold its last anchor: its end was cut off or it was rewritten; " +
        "no new anchors until this is dealt with (karvan audit verify)",
    );
  };
}
