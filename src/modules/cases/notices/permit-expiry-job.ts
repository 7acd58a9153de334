import { z } from "zod";
import { defineJob, type JobRunner } from "../../../platform/jobs/index.js";
import type { NoticeServices } from "./mail-applicant-notice.js";
import { notifyExpiringPermits } from "./notify-expiring-permits.js";

export const permitExpiryJob = "cases.permit-expiry-notices";
/** Every day at 05:23 UTC (09:23 in Baku): in office hours, away from the top of the hour. */
export const permitExpirySchedule = "23 5 * * *";

/** Defines the daily reminder to holders of permits that expire soon (see notify-expiring-permits.ts). */
export function definePermitExpiryJob(jobs: JobRunner, services: NoticeServices): void {
  jobs.define(
    defineJob({
      name: permitExpiryJob,
      payload: z.object({}),
      retry: { limit: 3, delaySeconds: 600, backoff: true },
      expireInSeconds: 30 * 60,
      handle: async (_payload, { log }) => {
        const { notified } = await notifyExpiringPermits(services);
        log.info({ notified }, "permit expiry notices sent");
      },
    }),
  );
}
