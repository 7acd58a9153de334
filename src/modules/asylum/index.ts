import type { CaseTypeInput } from "../cases/index.js";
import { asylum } from "./case-types/asylum.js";

export { defineAsylumJobs, scheduleAsylumJobs } from "./alerts/asylum-jobs.js";
export { registerAsylumPages } from "./pages/time-limits/routes.js";

/** The asylum procedure, as a case type of the case engine. */
export const asylumCaseTypes: CaseTypeInput[] = [asylum];
