/**
 * Work repeated behind the request path in every process (sealing the audit trail, projecting case
 * changes into statistics): one pass at a time, the next one after a pause the pass's result
 * decides, a longer pause after a failure. The timers do not keep the process alive.
 */
export interface BackgroundLoop<Pass> {
  /** Runs a pass now, or waits for the one in progress; null when it failed. */
  runOnce(): Promise<Pass | null>;
  stop(): Promise<void>;
}

export interface BackgroundLoopOptions<Pass> {
  pass(): Promise<Pass>;
  /** Milliseconds until the next pass, after this one. */
  pauseAfter(pass: Pass): number;
  failureMs: number;
  onFailure(error: unknown): void;
}

export function startBackgroundLoop<Pass>(options: BackgroundLoopOptions<Pass>): BackgroundLoop<Pass> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inProgress: Promise<Pass | null> | null = null;

  const runOnce = (): Promise<Pass | null> => {
    if (inProgress) return inProgress;
    inProgress = options
      .pass()
      .catch((error: unknown) => {
        options.onFailure(error);
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
    schedule(pass === null ? options.failureMs : options.pauseAfter(pass));
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
