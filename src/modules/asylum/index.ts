import type { CaseTypeInput } from "../cases/index.js";
import { asylum } from "./case-types/asylum.js";

export { defineAsylumJobs, scheduleAsylumJobs } from "./alerts/asylum-jobs.js";
export { registerAsylumRoutes } from "./asylum-routes.js";
export { removeInterviewOfCase } from "./operations/interview-repository.js";

/** The asylum procedure, as a case type of the case engine. */
export const asylumCaseTypes: CaseTypeInput[] = [asylum];
