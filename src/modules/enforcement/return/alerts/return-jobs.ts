import { z } from "zod";
import { countryProfile } from "../../../../platform/country/index.js";
import { defineJob, type JobRunner } from "../../../../platform/jobs/index.js";
import { loadReturnLaw } from "../return-law.js";
import { type ReturnAlertServices, sendReturnAlerts } from "./send-return-alerts.js";

const returnAlertsJob = "return.alerts";
/**
 * Every day at 04:27 UTC (08:27 in Baku), before the working day: the officer learns of a departure
 * deadline the next working day, and of an overrun on its first morning.
 */
const returnAlertsSchedule = "27 4 * * *";

/** Defines the daily return alerts (see send-return-alerts.ts). */
export function defineReturnJobs(jobs: JobRunner, enforcement: Omit<ReturnAlertServices, "law">): void {
  const services = { ...enforcement, law: loadReturnLaw(countryProfile().code) };
  jobs.define(
    defineJob({
      name: returnAlertsJob,
      payload: z.object({}),
      retry: { limit: 5, delaySeconds: 300, backoff: true },
      expireInSeconds: 30 * 60,
      handle: async (_payload, { log }) => {
        const sent = await sendReturnAlerts(services);
        log.info(sent, "return alerts sent");
      },
    }),
  );
}

/** Puts the return alerts on their daily schedule (after the runner knows the job). */
export async function scheduleReturnJobs(jobs: JobRunner): Promise<void> {
  await jobs.schedule(returnAlertsJob, returnAlertsSchedule);
}
