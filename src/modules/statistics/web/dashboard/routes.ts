import type { FastifyInstance } from "fastify";
import type { DashboardLoader } from "../../dashboard/load-dashboard.js";
import { analystsOnly, type StatisticsModule } from "../statistics-module.js";
import { sendChartCsv, showDashboard } from "./handler.js";

/** /statistics: the dashboard, and each chart's figures as CSV. */
export function registerDashboardPage(
  app: FastifyInstance,
  statistics: StatisticsModule,
  dashboards: DashboardLoader,
): void {
  app.get("/statistics", analystsOnly(statistics), (request, reply) =>
    showDashboard(statistics, dashboards, request, reply),
  );
  app.get("/statistics/charts/:id.csv", analystsOnly(statistics), (request, reply) =>
    sendChartCsv(statistics, dashboards, request, reply),
  );
}
