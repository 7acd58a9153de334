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
  const failureMs = options.failureIntervalMs ?? 10_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inProgress: Promise<SealingPass | null> | null = null;

  const runOnce = (): Promise<SealingPass | null> => {
    if (inProgress) return inProgress;
    inProgress = sealNextBatch(options, gaps, { batchSize: options.batchSize ?? 1000 })
      .catch((error: unknown) => {
        options.log?.error({ err: error }, "audit sealing failed");
        return null;
      })
      .finally(() => {
        inProgress = null;
      });
    return inProgress;
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(loop, ms);
    timer.unref();
  };

  async function loop(): Promise<void> {
    timer = null;
    const pass = await runOnce();
    if (!pass) return schedule(failureMs);
    // A full batch means a backlog: carry on at once. A gap or another instance's lock: soon.
    if (pass.state === "behind") return schedule(0);
    if (pass.state === "caught_up" && pass.sealedRecords + pass.sealedGaps === 0) return schedule(idleMs);
    return schedule(busyMs);
  }

  schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inProgress;
    },
  };
}
