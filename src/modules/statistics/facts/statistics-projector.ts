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

/** How long the projector waits after a pass before its next one. */
export interface ProjectorPauses {
  /** After a pass that found changes: the next pass comes soon and stays small. */
  busyMs: number;
  /** After a pass that found none, or found the cubes' lock taken. */
  idleMs: number;
}

/**
 * A full batch means a backlog: carry on at once. Changes found: look again soon, so that each pass
 * holds a tenth of a second's changes rather than a second's. The projector runs on the requests'
 * event loop, and a pass of a second's registrations held answers back in bursts (whole runs at
 * 40 % of pgbench: p90 79 and 123 ms with a second's pause after every pass, 27–52 ms with 0.1 s;
 * docs/statistics.md). Nothing found: a quiet server looks once a second.
 */
export function pauseAfterPass(pass: ProjectionPass, pauses: ProjectorPauses): number {
  if (pass.state === "behind") return 0;
  return pass.state === "caught_up" && pass.cases > 0 ? pauses.busyMs : pauses.idleMs;
}

/**
 * Keeps the statistics current behind the request path: a case change reaches the cubes within
 * about a second, within a tenth of one while changes keep coming. Every instance may run one; the
 * cubes' lock lets one write at a time.
 */
export function startStatisticsProjector(
  context: StatisticsContext,
  options: { log?: ProjectorLog; idleMs?: number; busyMs?: number; failureMs?: number } = {},
): StatisticsProjector {
  const pauses = { busyMs: options.busyMs ?? 100, idleMs: options.idleMs ?? 1000 };
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
    pauseAfter: (pass) => pauseAfterPass(pass, pauses),
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
