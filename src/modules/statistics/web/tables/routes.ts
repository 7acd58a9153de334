import type { FastifyInstance } from "fastify";
import { analystsOnly, type StatisticsModule } from "../statistics-module.js";
import { exportTable, showTable, showTableList } from "./handler.js";

/** /statistics/tables: the official tables with exact figures, and their exports. */
export function registerTablePages(app: FastifyInstance, statistics: StatisticsModule): void {
  const options = analystsOnly(statistics);
  app.get("/statistics/tables", options, (request, reply) => showTableList(statistics, request, reply));
  app.get("/statistics/tables/:code", options, (request, reply) => showTable(statistics, request, reply));
  app.get("/statistics/tables/:code/export", options, (request, reply) =>
    exportTable(statistics, request, reply),
  );
}
