import type { FastifyInstance } from "fastify";
import type { HeavyQueryGate } from "../../dashboard/heavy-query-gate.js";
import { analystsOnly, type StatisticsModule } from "../statistics-module.js";
import { showForecast } from "./handler.js";

/** /statistics/forecast */
export function registerForecastPage(
  app: FastifyInstance,
  statistics: StatisticsModule,
  gate: HeavyQueryGate,
): void {
  app.get("/statistics/forecast", analystsOnly(statistics), (request, reply) =>
    showForecast(statistics, gate, request, reply),
  );
}
