import type { FastifyReply, FastifyRequest } from "fastify";
import { tableDefinitions } from "../../tables/table-definitions.js";
import type { StatisticsModule } from "../statistics-module.js";
import { exportLinks, latestPeriod, sendExport, tableFor, tableList, tableRows } from "../table-page.js";

const todayOf = (statistics: StatisticsModule) => statistics.clock.now().toISOString().slice(0, 10);

/** GET /open-data: every official table as published. */
export async function showOpenTables(
  statistics: StatisticsModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  return reply.render("statistics/views/tables.njk", {
    title: request.t("statistics.openData.title"),
    groups: tableList(request, "/open-data", todayOf(statistics)),
    internal: false,
  });
}

/** GET /open-data/:code: one table, rounded, small cells suppressed. */
export async function showOpenTable(
  statistics: StatisticsModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { table } = await tableFor(statistics, request, "public");
  return reply.render("statistics/views/table.njk", {
    title: table.title,
    table,
    rows: tableRows(table),
    validation: null,
    base: "/open-data",
    exports: exportLinks(request, "/open-data", table),
    internal: false,
  });
}

export async function exportOpenTable(
  statistics: StatisticsModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { table } = await tableFor(statistics, request, "public");
  return sendExport(reply, request, table);
}

/** GET /api/v1/statistics/tables: the list of tables, each with its latest period. */
export async function listTablesApi(statistics: StatisticsModule) {
  const today = todayOf(statistics);
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
}

/** GET /api/v1/statistics/tables/:code: as JSON, or as a file when `format` is asked. */
export async function tableApi(statistics: StatisticsModule, request: FastifyRequest, reply: FastifyReply) {
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
}
