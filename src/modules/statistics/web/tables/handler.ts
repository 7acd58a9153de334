import type { FastifyReply, FastifyRequest } from "fastify";
import type { StatisticsModule } from "../statistics-module.js";
import { exportLinks, sendExport, tableFor, tableList, tableRows, validationView } from "../table-page.js";

/** GET /statistics/tables: every official table, exact figures. */
export async function showTableList(
  statistics: StatisticsModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const today = statistics.clock.now().toISOString().slice(0, 10);
  return reply.render("statistics/views/tables.njk", {
    title: request.t("statistics.tables.title"),
    groups: tableList(request, "/statistics/tables", today),
    internal: true,
  });
}

/** GET /statistics/tables/:code: one table for the period asked, with its validation report. */
export async function showTable(statistics: StatisticsModule, request: FastifyRequest, reply: FastifyReply) {
  const { table, validation } = await tableFor(statistics, request, "internal");
  return reply.render("statistics/views/table.njk", {
    title: table.title,
    table,
    rows: tableRows(table),
    validation: validationView(request, validation),
    base: "/statistics/tables",
    exports: exportLinks(request, "/statistics/tables", table),
    internal: true,
  });
}

export async function exportTable(
  statistics: StatisticsModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { table } = await tableFor(statistics, request, "internal");
  return sendExport(reply, request, table);
}
