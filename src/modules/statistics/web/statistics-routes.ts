import type { FastifyInstance } from "fastify";
import { createDashboardLoader } from "../dashboard/load-dashboard.js";
import { registerDashboardPage } from "./dashboard/routes.js";
import { registerForecastPage } from "./forecast/routes.js";
import { registerParkedCaseRoutes } from "./parked/routes.js";
import type { StatisticsModule } from "./statistics-module.js";
import { registerTablePages } from "./tables/routes.js";

/**
 * The analysts' and managers' pages: dashboards drawn on the server, and every official table for
 * any period with its validation report and exports. Staff with `statistics.read` see exact figures.
 */
export async function registerStatisticsRoutes(
  app: FastifyInstance,
  statistics: StatisticsModule,
): Promise<void> {
  // One loader for the process: its cache and its gate on heavy queries are shared by the pages.
  const dashboards = createDashboardLoader(statistics);
  app.addHook("onClose", () => statistics.charts.close());
  registerDashboardPage(app, statistics, dashboards);
  registerForecastPage(app, statistics, dashboards.gate);
  registerTablePages(app, statistics);
  await registerParkedCaseRoutes(app, statistics);
}
