import { statisticsContextOf } from "../../../composition-root.js";
import { seedDemoCaseload, seedDemoUsers } from "../../../demo/index.js";
import type { ManualClock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { StatisticsContext } from "../statistics-context.js";

/** The statistics' context over a test database holding the demo accounts and a demo caseload of `scale`. */
export async function seededCaseload(
  db: Database,
  clock: ManualClock,
  scale: number,
): Promise<StatisticsContext> {
  const context = statisticsContextOf({ db });
  await seedDemoUsers(db, clock, "demo-file-key-".padEnd(40, "x"));
  // The persons enter the register, as on a demo install: the tables count them through it.
  await seedDemoCaseload({
    ...context,
    clock,
    country: "AZ",
    scale,
    population: "built-in",
    registerThresholds: { link: 15, review: 10 },
  });
  return context;
}
