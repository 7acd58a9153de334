import type { Database } from "../../platform/db/index.js";
import type { CaseTypeRegistry, DeadlineClock } from "../cases/index.js";

/** What the statistics projection needs to turn case events into records. */
export interface StatisticsContext {
  db: Database;
  registry: CaseTypeRegistry;
  deadlines: DeadlineClock;
}
