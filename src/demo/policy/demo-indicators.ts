import { seedDemoIndicators } from "../../modules/policy/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";

/**
 * DEMO ONLY: the statistics module's built-in indicators as policy indicators (marked demo, their
 * baselines and targets examples, not adopted policy), answerable to the State Migration Service,
 * with an invented policy change eighteen months ago on two of them so that the before-and-after
 * estimate can be tried on the demo history.
 */
export function seedDemoPolicyIndicators(db: Database, clock: Clock): Promise<number> {
  const now = clock.now();
  const change = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 18, 1))
    .toISOString()
    .slice(0, 10);
  return seedDemoIndicators(db, clock, {
    agencyCode: "SMS",
    policyChanges: { "applications-per-month": [change], "decisions-within-legal-time": [change] },
  });
}
