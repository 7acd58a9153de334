import { z } from "zod";
import { defineJob, type JobRunner } from "../../../../platform/jobs/index.js";
import type { PolicyStrategiesModule } from "../strategies-module.js";
import { sendOverdueWarnings } from "./send-overdue-warnings.js";

const overdueWarningsJob = "policy.overdue-actions";
/** Daily at 04:37 UTC (08:37 in Baku): the focal points read it at the start of their working day. */
const overdueWarningsSchedule = "37 4 * * *";

/** Defines the daily overdue warnings (see send-overdue-warnings.ts). */
export function defineStrategiesJobs(jobs: JobRunner, strategies: PolicyStrategiesModule): void {
  jobs.define(
    defineJob({
      name: overdueWarningsJob,
      payload: z.object({}),
      retry: { limit: 5, delaySeconds: 300, backoff: true },
      expireInSeconds: 30 * 60,
      handle: async (_payload, { log }) => {
        log.info(await sendOverdueWarnings(strategies), "policy overdue warnings sent");
      },
    }),
  );
}

/** Puts the overdue warnings on their daily schedule (after the runner knows the job). */
export async function scheduleStrategiesJobs(jobs: JobRunner): Promise<void> {
  await jobs.schedule(overdueWarningsJob, overdueWarningsSchedule);
}
