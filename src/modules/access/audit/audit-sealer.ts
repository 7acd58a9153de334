import { startBackgroundLoop } from "../../../platform/jobs/index.js";
import { GapWatch, type SealingContext, type SealingPass, sealNextBatch } from "./seal-audit-trail.js";

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
  return startBackgroundLoop<SealingPass>({
    pass: () => sealNextBatch(options, gaps, { batchSize: options.batchSize ?? 1000 }),
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
