import { startBackgroundLoop } from "../../../platform/jobs/index.js";
import type { StatisticsContext } from "../statistics-context.js";
import { type ProjectionPass, projectChangedCases } from "./project-changed-cases.js";
import { analyzeAsRecordsGrow } from "./records-growth.js";

export interface ProjectorLog {
  error(details: Record<string, unknown>, message: string): void;
}

export interface StatisticsProjector {
  /** Runs passes until nothing waits (tests, the CLI, and `stop` waits for the one in progress). */
  catchUp(): Promise<number>;
  stop(): Promise<void>;
}

/** Projects every change waiting in the outbox, pass after pass; returns the cases projected. */
export async function catchUpStatistics(context: StatisticsContext): Promise<number> {
  const recordsGrew = analyzeAsRecordsGrow(context.db);
  let cases = 0;
  for (;;) {
    const pass = await projectChangedCases(context);
    await recordsGrew(pass.cases);
    cases += pass.cases;
    if (pass.state !== "behind") return cases;
  }
}

/**
 * Keeps the statistics current behind the request path: a case change reaches the cubes within
 * about a second. Every instance may run one; the cubes' lock lets one write at a time.
 */
export function startStatisticsProjector(
  context: StatisticsContext,
  options: { log?: ProjectorLog; idleMs?: number; failureMs?: number } = {},
): StatisticsProjector {
  const idleMs = options.idleMs ?? 1000;
  const recordsGrew = analyzeAsRecordsGrow(context.db);
  const loop = startBackgroundLoop<ProjectionPass>({
    pass: async () => {
      const pass = await projectChangedCases(context);
      await recordsGrew(pass.cases);
      // The error itself stays in the table: it may quote a value of the case (personal data).
      for (const caseId of pass.parked) {
        options.log?.error({ caseId }, "statistics projection parked a case (see karvan stats parked)");
      }
      return pass;
    },
    pauseAfter: (pass) => (pass.state === "behind" ? 0 : idleMs),
    failureMs: options.failureMs ?? 10_000,
    onFailure: (error) => options.log?.error({ err: error }, "statistics projection failed"),
  });
  return {
    async catchUp() {
      await loop.runOnce();
      return catchUpStatistics(context);
    },
    stop: () => loop.stop(),
  };
}
