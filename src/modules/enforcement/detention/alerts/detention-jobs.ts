import { z } from "zod";
import { defineJob, type JobRunner } from "../../../../platform/jobs/index.js";
import { type AlertServices, sendDetentionAlerts } from "./send-detention-alerts.js";

export const detentionAlertsJob = "detention.alerts";
/**
 * Every day at 04:17 UTC (08:17 in Baku), before the working day: the head learns of a period that
 * ends tomorrow in the morning, and of an overrun on its first morning.
 */
export const detentionAlertsSchedule = "17 4 * * *";

/** Defines the daily detention alerts (see send-detention-alerts.ts). */
export function defineDetentionJobs(jobs: JobRunner, services: AlertServices): void {
  jobs.define(
    defineJob({
      name: detentionAlertsJob,
      payload: z.object({}),
      retry: { limit: 5, delaySeconds: 300, backoff: true },
      expireInSeconds: 30 * 60,
      handle: async (_payload, { log }) => {
        const sent = await sendDetentionAlerts(services);
        log.info(sent, "detention alerts sent");
      },
    }),
  );
}

/** Puts the detention alerts on their daily schedule (after the runner knows the job). */
export async function scheduleDetentionJobs(jobs: JobRunner): Promise<void> {
  await jobs.schedule(detentionAlertsJob, detentionAlertsSchedule);
}
