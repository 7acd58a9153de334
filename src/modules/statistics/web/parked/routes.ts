import type { FastifyInstance } from "fastify";
import type { StatisticsModule } from "../statistics-module.js";
import { showParkedCasesPage } from "./list-handler.js";
import { retryParkedCasesFromPage } from "./retry-handler.js";

/**
 * The administrators' page of the cases the projection set aside. Their errors may quote personal
 * data, hence `statistics.manage` rather than the analysts' `statistics.read`.
 */
export async function registerParkedCaseRoutes(
  app: FastifyInstance,
  statistics: StatisticsModule,
): Promise<void> {
  const manageStatistics = {
    preHandler: statistics.guards.requirePermission("statistics.manage"),
    schema: { hide: true },
  };
  app.get("/statistics/parked", manageStatistics, (request, reply) =>
    showParkedCasesPage(statistics, request, reply),
  );
  app.post("/statistics/parked/retry", manageStatistics, (request, reply) =>
    retryParkedCasesFromPage(statistics, request, reply),
  );
}
