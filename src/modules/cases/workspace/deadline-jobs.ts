import { z } from "zod";
import { defineJob, type JobRunner } from "../../../platform/jobs/index.js";
import {
  definePermitExpiryJob,
  permitExpiryJob,
  permitExpirySchedule,
} from "../notices/permit-expiry-job.js";
import { warnOfDeadlines } from "./warn-of-deadlines.js";
import type { Workspace } from "./workspace.js";

export const deadlineWatchJob = "cases.deadline-watch";
/** Every hour, at seven minutes past (away from the top of the hour, when other schedules run). */
export const deadlineWatchSchedule = "7 * * * *";

/**
 * Defines the hourly deadline watch (the 75 % warnings to officers, see warn-of-deadlines.ts) and
 * the daily reminders to holders of permits that expire soon.
 */
export function defineCaseDeadlineJobs(jobs: JobRunner, workspace: Pick<Workspace, "cases" | "i18n">): void {
  jobs.define(
    defineJob({
      name: deadlineWatchJob,
      payload: z.object({}),
      retry: { limit: 2, delaySeconds: 300 },
      expireInSeconds: 30 * 60,
      handle: async (_payload, { log }) => {
        const { warned } = await warnOfDeadlines(workspace);
        log.info({ warned }, "deadline warnings sent");
      },
    }),
  );
  definePermitExpiryJob(jobs, workspace);
}

/** Puts the deadline watch and the permit-expiry reminders on their schedules (after the runner knows the jobs). */
export async function scheduleCaseDeadlineJobs(jobs: JobRunner): Promise<void> {
  await jobs.schedule(deadlineWatchJob, deadlineWatchSchedule);
  await jobs.schedule(permitExpiryJob, permitExpirySchedule);
}
