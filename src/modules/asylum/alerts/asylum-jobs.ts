import { z } from "zod";
import { countryProfile } from "../../../platform/country/index.js";
import { defineJob, type JobRunner } from "../../../platform/jobs/index.js";
import { loadAsylumLaw } from "../asylum-law.js";
import { type AsylumAlertServices, sendAsylumStepAlerts } from "./send-step-alerts.js";

const asylumAlertsJob = "asylum.step-alerts";
/** Every day at 04:37 UTC (08:37 in Baku), before the working day, after the return alerts. */
const asylumAlertsSchedule = "37 4 * * *";

/** Defines the daily asylum step alerts (see send-step-alerts.ts). */
export function defineAsylumJobs(jobs: JobRunner, services: Omit<AsylumAlertServices, "law">): void {
  const withLaw = { ...services, law: loadAsylumLaw(countryProfile().code) };
  jobs.define(
    defineJob({
      name: asylumAlertsJob,
      payload: z.object({}),
      retry: { limit: 5, delaySeconds: 300, backoff: true },
      expireInSeconds: 30 * 60,
      handle: async (_payload, { log }) => {
        const sent = await sendAsylumStepAlerts(withLaw);
        log.info(sent, "asylum step alerts sent");
      },
    }),
  );
}

/** Puts the asylum step alerts on their daily schedule (after the runner knows the job). */
export async function scheduleAsylumJobs(jobs: JobRunner): Promise<void> {
  await jobs.schedule(asylumAlertsJob, asylumAlertsSchedule);
}
