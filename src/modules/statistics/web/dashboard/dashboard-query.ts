import type { FastifyReply, FastifyRequest } from "fastify";
import { parseDashboardFilters } from "../../dashboard/dashboard-filters.js";
import { dashboardFilterView } from "../../dashboard/filter-fields.js";
import type { DrawnChart } from "../../dashboard/load-dashboard.js";
import type { StatisticsModule } from "../statistics-module.js";

/** The dashboard's filters as asked in the address, checked against what the country offers. */
export function dashboardOf(statistics: StatisticsModule, request: FastifyRequest) {
  const currentMonth = statistics.clock.now().toISOString().slice(0, 7);
  const t = (key: string, options?: Record<string, unknown>) => request.t(key, options);
  const view = dashboardFilterView(statistics.config.country, request.locale, t);
  const query = request.query as Record<string, unknown>;
  return { view, t, ...parseDashboardFilters(query, currentMonth, view.allowed) };
}

export function queryString(filters: Record<string, string>): string {
  return new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== "")).toString();
}

/** The charts' part of the dashboard page, drawn once and kept with the dashboard (load-dashboard.ts). */
export function chartsPart(reply: FastifyReply, query: string) {
  return (charts: DrawnChart[]) =>
    reply.renderFragment("statistics/web/dashboard/dashboard-charts.njk", {
      charts: charts.map((chart) => ({
        id: chart.id,
        title: chart.spec.title,
        svg: chart.svg,
        table: chart.table,
        csvHref: `/statistics/charts/${chart.id}.csv?${query}`,
      })),
    });
}
