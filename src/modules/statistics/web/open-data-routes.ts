import type { FastifyInstance } from "fastify";
import { tableDefinitions } from "../tables/table-definitions.js";
import type { StatisticsModule } from "./statistics-module.js";
import { exportLinks, latestPeriod, sendExport, tableFor, tableList, tableRows } from "./table-page.js";

const views = "statistics/views";
const openData = { schema: { hide: true }, config: { rateLimit: { max: 120, timeWindow: "1 minute" } } };

/**
 * Open data: every official table as published (rounded, small cells suppressed), as pages and as
 * a JSON and SDMX-CSV API. Open to everyone; no exact small count ever leaves through here.
 */
export async function registerOpenDataRoutes(
  app: FastifyInstance,
  statistics: StatisticsModule,
): Promise<void> {
  app.get("/open-data", openData, async (request, reply) => {
    const today = statistics.clock.now().toISOString().slice(0, 10);
    return reply.render(`${views}/tables.njk`, {
      title: request.t("statistics.openData.title"),
      groups: tableList(request, "/open-data", today),
      internal: false,
    });
  });

  app.get("/open-data/:code", openData, async (request, reply) => {
    const { table } = await tableFor(statistics, request, "public");
    return reply.render(`${views}/table.njk`, {
      title: table.title,
      table,
      rows: tableRows(table),
      validation: null,
      base: "/open-data",
      exports: exportLinks(request, "/open-data", table),
      internal: false,
    });
  });

  app.get("/open-data/:code/export", openData, async (request, reply) => {
    const { table } = await tableFor(statistics, request, "public");
    return sendExport(reply, request, table);
  });

  app.get("/api/v1/statistics/tables", openData, async () => {
    const today = statistics.clock.now().toISOString().slice(0, 10);
    return {
      tables: tableDefinitions.map((definition) => ({
        code: definition.code,
        dataflow: definition.dataflow,
        frequency: definition.frequency,
        dimensions: definition.dimensions.map((dimension) => dimension.id),
        latestPeriod: latestPeriod(definition, today),
        href: `/api/v1/statistics/tables/${definition.code}`,
      })),
    };
  });

  app.get("/api/v1/statistics/tables/:code", openData, async (request, reply) => {
    const { table } = await tableFor(statistics, request, "public");
    if ((request.query as { format?: string }).format) return sendExport(reply, request, table);
    return {
      code: table.code,
      dataflow: table.dataflow,
      title: table.title,
      period: table.period,
      dimensions: table.dimensions,
      unit: table.unit,
      observations: table.observations,
    };
  });
}
