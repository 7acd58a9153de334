// Demo data and its generators, apart from production code: the CLI, tests and benchmarks load
// them from here; production modules never import them.
export type { DemoAccount } from "./accounts/demo-accounts.js";
export {
  demoEmail,
  demoPassword,
  findDemoAccountIds,
  insertDemoPopulation,
  listDemoAccounts,
  seedDemoUsers,
} from "./accounts/demo-accounts.js";
export type { DemoCaseloadOptions, DemoCaseloadReport } from "./caseload/seed-demo-caseload.js";
export { casesPerScale, seedDemoCaseload } from "./caseload/seed-demo-caseload.js";
export { seedDemoDetentionCentres } from "./detention/demo-centres.js";
export { seedDemoConsultation } from "./policy/demo-consultation.js";
export { seedDemoPolicyIndicators } from "./policy/demo-indicators.js";
export { seedDemoResearchLibrary } from "./policy/demo-research-library.js";
export { seedDemoStrategy } from "./policy/demo-strategy.js";
export { seedDemoHistory } from "./statistics/seed-demo-history.js";
