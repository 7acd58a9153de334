/**
 * Privacy: what Karvan holds about a person and for how long — retention of records, the record of
 * processing activities, and the data subject's own access to their data.
 */

export { registerDataSubjectRoutes } from "./privacy-routes.js";
export type { PrivacyServices } from "./privacy-services.js";
export type { ExpiryReport } from "./retention/expire-records.js";
export { expireRecords } from "./retention/expire-records.js";
export { defineRetentionJob, scheduleRetentionJob } from "./retention/retention-job.js";
export { registerRetentionRoutes } from "./retention/retention-routes.js";
export { loadRetentionRules } from "./retention/retention-rules.js";
export type { RetentionServices } from "./retention/retention-services.js";
