/**
 * The policy cycle: policy documents and action plans with public consultation on their drafts,
 * indicators on live data, monitoring reports, and the research library with access to microdata.
 */

export {
  countConsultationCommentersDue,
  removeConsultationCommenters,
} from "./consultation/operations/remove-commenters.js";
export {
  type SeedConsultation,
  seedConsultation,
} from "./consultation/operations/seed-consultation.js";
export { registerConsultationPages } from "./consultation/pages/register-consultation-pages.js";
export type { IndicatorContext } from "./indicators/indicator-context.js";
export { definePolicyIndicatorJobs, schedulePolicyIndicatorJobs } from "./indicators/indicator-jobs.js";
export type { PolicyIndicator } from "./indicators/indicator-record.js";
export type { InterruptedSeriesResult } from "./indicators/its/segmented-regression.js";
export {
  type IndicatorForReport,
  readIndicatorForReport,
} from "./indicators/operations/indicator-for-report.js";
export { seedDemoIndicators } from "./indicators/operations/seed-demo-indicators.js";
export { registerPolicyIndicatorPages } from "./indicators/pages/register-indicator-pages.js";
export { createPolicyStrategiesModule } from "./policy-module.js";
export { registerPolicyReportPages } from "./reports/pages/register-report-pages.js";
export { seedLibraryEntries } from "./research/operations/seed-library-entries.js";
export { registerResearchPages } from "./research/register-research-pages.js";
export type { ResearchServices } from "./research/research-services.js";
export { sendOverdueWarnings } from "./strategies/alerts/send-overdue-warnings.js";
export { defineStrategiesJobs, scheduleStrategiesJobs } from "./strategies/alerts/strategies-jobs.js";
export {
  agencyTextsForPeriod,
  indicatorCodesByObjective,
  type MonitoredAction,
  type MonitoredDocument,
  type MonitoredReport,
  policyDocumentForMonitoring,
} from "./strategies/monitoring-reads.js";
export { type SeedPolicyDocument, seedPolicyDocument } from "./strategies/operations/seed-policy-document.js";
export { registerPolicyStrategyPages } from "./strategies/register-strategy-pages.js";
export type { PolicyStrategiesModule } from "./strategies/strategies-module.js";
