import { z } from "zod";
import { defineJob, type JobRunner } from "../../../platform/jobs/index.js";
import { expireRecords } from "./expire-records.js";
import type { RetentionServices } from "./retention-services.js";

export const retentionJob = "privacy.expire-records";
/** Every day at 01:37 UTC (05:37 in Baku): out of office hours, away from the top of the hour. */
const retentionSchedule = "37 1 * * *";

/** Defines the daily retention run (expire-records.ts). */
export function defineRetentionJob(jobs: JobRunner, services: RetentionServices): void {
  jobs.define(
    defineJob({
      name: retentionJob,
      payload: z.object({}),
      retry: { limit: 3, delaySeconds: 900, backoff: true },
      expireInSeconds: 60 * 60,
      handle: async (_payload, { log }) => {
        const report = await expireRecords(services, { dryRun: false });
        log.info(report, "retention run done");
      },
    }),
  );
}

export async function scheduleRetentionJob(jobs: JobRunner): Promise<void> {
  await jobs.schedule(retentionJob, retentionSchedule);
}
