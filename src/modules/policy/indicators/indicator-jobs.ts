import { z } from "zod";
import { defineJob, type JobRunner } from "../../../platform/jobs/index.js";
import { type ReminderServices, remindMissingValues } from "./operations/remind-missing-values.js";

const reminderJob = "policy.indicator-reminders";
/** The 3rd of each month at 05:23 UTC (09:23 in Baku): last month's figures are usually known by then. */
const reminderSchedule = "23 5 3 * *";

/** Defines the monthly reminder of entered indicators' missing values. */
export function definePolicyIndicatorJobs(jobs: JobRunner, services: ReminderServices): void {
  jobs.define(
    defineJob({
      name: reminderJob,
      payload: z.object({}),
      retry: { limit: 5, delaySeconds: 300, backoff: true },
      expireInSeconds: 30 * 60,
      handle: async (_payload, { log }) => {
        log.info(await remindMissingValues(services), "policy indicator reminders sent");
      },
    }),
  );
}

/** Puts the reminder on its monthly schedule (after the runner knows the job). */
export async function schedulePolicyIndicatorJobs(jobs: JobRunner): Promise<void> {
  await jobs.schedule(reminderJob, reminderSchedule);
}
