import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Guards } from "../../access/index.js";
import type { ChartDrawer } from "../charts/chart-drawer.js";
import type { StatisticsContext } from "../statistics-context.js";

export interface StatisticsModule extends StatisticsContext {
  clock: Clock;
  guards: Guards;
  /** Draws the dashboards' and the forecast's charts in a thread of their own (ADR 0021). */
  charts: ChartDrawer;
  /** The country whose code lists (regions) the filters offer; how dashboards are kept and queued. */
  config: Pick<
    KarvanConfig,
    "country" | "statisticsCacheSeconds" | "statisticsHeavyQueries" | "statisticsWaitSeconds"
  >;
}

/** Route options of the pages with exact figures: staff holding `statistics.read`. */
export function analystsOnly(statistics: StatisticsModule) {
  return { preHandler: statistics.guards.requirePermission("statistics.read"), schema: { hide: true } };
}
