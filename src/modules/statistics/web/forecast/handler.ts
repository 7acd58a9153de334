import type { FastifyReply, FastifyRequest } from "fastify";
import { labelChartSvg } from "../../charts/render-chart.js";
import { buildForecast } from "../../dashboard/build-forecast.js";
import { forecastPage } from "../../dashboard/forecast-page.js";
import type { HeavyQueryGate } from "../../dashboard/heavy-query-gate.js";
import type { StatisticsModule } from "../statistics-module.js";

/** GET /statistics/forecast: the months ahead for a case type, a heavy query behind the gate. */
export async function showForecast(
  statistics: StatisticsModule,
  gate: HeavyQueryGate,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const asked = (request.query as { caseType?: unknown }).caseType;
  const t = (key: string, options?: Record<string, unknown>) => request.t(key, options);
  const view = await gate.run(() =>
    buildForecast(statistics.db, {
      caseType: typeof asked === "string" ? asked : "",
      currentMonth: statistics.clock.now().toISOString().slice(0, 7),
      t,
    }),
  );
  const svg = view.chart ? labelChartSvg(view.chart, await statistics.charts.draw(view.chart)) : null;
  return reply.render("statistics/web/forecast/forecast.njk", {
    title: request.t("statistics.forecast.title"),
    svg,
    ...forecastPage(view, request.locale, t),
  });
}
