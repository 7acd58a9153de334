import { z } from "zod";
import { defineJob, type JobRunner } from "../../../platform/jobs/index.js";
import { recordDeemedAgreements } from "./operations/record-deemed-agreements.js";
import type { ReadmissionModule } from "./readmission-module.js";

export const readmissionDeadlineJob = "readmission.deadlines";
/** Daily at 05:17 (UTC; 09:17 in Baku), away from the top of the hour when other schedules run. */
const readmissionDeadlineSchedule = "17 5 * * *";

/** Defines the daily run that records deemed agreements and warns of reply deadlines. */
export function defineReadmissionJobs(jobs: JobRunner, readmission: ReadmissionModule): void {
  jobs.define(
    defineJob({
      name: readmissionDeadlineJob,
      payload: z.object({}),
      retry: { limit: 2, delaySeconds: 300 },
      handle: async (_payload, { log }) => {
        const outcome = await recordDeemedAgreements(readmission.systemContext());
        log.info(outcome, "readmission deadlines checked");
      },
    }),
  );
}

/** Puts the daily run on its schedule (after the runner knows the job). */
export async function scheduleReadmissionJobs(jobs: JobRunner): Promise<void> {
  await jobs.schedule(readmissionDeadlineJob, readmissionDeadlineSchedule);
}
