import type { FastifyInstance } from "fastify";
import {
  exportOpenTable,
  listTablesApi,
  showOpenTable,
  showOpenTables,
  tableApi,
} from "./open-data/handler.js";
import type { StatisticsModule } from "./statistics-module.js";

const openData = { schema: { hide: true }, config: { rateLimit: { max: 120, timeWindow: "1 minute" } } };

/**
 * Open data: every official table as published (rounded, small cells suppressed), as pages and as
 * a JSON and SDMX-CSV API. Open to everyone; no exact small count ever leaves through here.
 */
export async function registerOpenDataRoutes(
  app: FastifyInstance,
  statistics: StatisticsModule,
): Promise<void> {
  app.get("/open-data", openData, (request, reply) => showOpenTables(statistics, request, reply));
  app.get("/open-data/:code", openData, (request, reply) => showOpenTable(statistics, request, reply));
  app.get("/open-data/:code/export", openData, (request, reply) =>
    exportOpenTable(statistics, request, reply),
  );
  app.get("/api/v1/statistics/tables", openData, () => listTablesApi(statistics));
  app.get("/api/v1/statistics/tables/:code", openData, (request, reply) =>
    tableApi(statistics, request, reply),
  );
}
