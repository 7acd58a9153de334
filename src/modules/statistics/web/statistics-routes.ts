import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../platform/http/index.js";
import { chartCsv, chartDataTable } from "../charts/chart-table.js";
import { renderChartSvg } from "../charts/render-chart.js";
import { buildDashboard } from "../dashboard/build-dashboard.js";
import { buildForecast } from "../dashboard/build-forecast.js";
import { parseDashboardFilters } from "../dashboard/dashboard-filters.js";
import { dashboardFilterView, filterFields } from "../dashboard/filter-fields.js";
import { forecastPage } from "../dashboard/forecast-page.js";
import { registerParkedCaseRoutes } from "./parked-case-routes.js";
import { analystsOnly, type StatisticsModule } from "./statistics-module.js";
import { exportLinks, sendExport, tableFor, tableList, tableRows, validationView } from "./table-page.js";

const views = "statistics/views";

function dashboardOf(statistics: StatisticsModule, request: FastifyRequest) {
  const currentMonth = statistics.clock.now().toISOString().slice(0, 7);
  const t = (key: string, options?: Record<string, unknown>) => request.t(key, options);
  const view = dashboardFilterView(statistics.config.country, request.locale, t);
  const query = request.query as Record<string, unknown>;
  return { view, t, ...parseDashboardFilters(query, currentMonth, view.allowed) };
}

function queryString(filters: Record<string, string>): string {
  return new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== "")).toString();
}

/**
 * The analysts' and managers' pages: dashboards drawn on the server, and every official table for
 * any period with its validation report and exports. Staff with `statistics.read` see exact figures.
 */
export async function registerStatisticsRoutes(
  app: FastifyInstance,
  statistics: StatisticsModule,
): Promise<void> {
  const readStatistics = analystsOnly(statistics);

  app.get("/statistics", readStatistics, async (request, reply) => {
    const { filters, problems, view, t } = dashboardOf(statistics, request);
    const charts = await buildDashboard(statistics.db, filters, t, request.locale);
    const format = new Intl.NumberFormat(request.locale);
    const query = queryString({ ...filters });
    const { fields, errors } = filterFields(
      view,
      filters,
      problems,
      request.query as Record<string, unknown>,
      t,
    );
    return reply.render(`${views}/dashboard.njk`, {
      title: request.t("statistics.dashboard.title"),
      filters,
      errors,
      filterFields: fields,
      charts: charts.map((chart) => ({
        id: chart.id,
        title: chart.spec.title,
        svg: renderChartSvg(chart.spec),
        table: chartDataTable(chart.spec, (value) => format.format(value)),
        csvHref: `/statistics/charts/${chart.id}.csv?${query}`,
      })),
    });
  });

  app.get("/statistics/charts/:id.csv", readStatistics, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { filters, t } = dashboardOf(statistics, request);
    const charts = await buildDashboard(statistics.db, filters, t, request.locale);
    const chart = charts.find((one) => one.id === id);
    if (!chart) throw new NotFoundError("unknown_chart");
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${id}_${filters.from}_${filters.to}.csv"`)
      .send(`\uFEFF${chartCsv(chart.spec)}`);
  });

  app.get("/statistics/forecast", readStatistics, async (request, reply) => {
    const asked = (request.query as { caseType?: unknown }).caseType;
    const t = (key: string, options?: Record<string, unknown>) => request.t(key, options);
    const view = await buildForecast(statistics.db, {
      caseType: typeof asked === "string" ? asked : "",
      currentMonth: statistics.clock.now().toISOString().slice(0, 7),
      t,
    });
    return reply.render(`${views}/forecast.njk`, {
      title: request.t("statistics.forecast.title"),
      ...forecastPage(view, request.locale, t),
    });
  });

  app.get("/statistics/tables", readStatistics, async (request, reply) => {
    const today = statistics.clock.now().toISOString().slice(0, 10);
    return reply.render(`${views}/tables.njk`, {
      title: request.t("statistics.tables.title"),
      groups: tableList(request, "/statistics/tables", today),
      internal: true,
    });
  });

  app.get("/statistics/tables/:code", readStatistics, async (request, reply) => {
    const { table, validation } = await tableFor(statistics, request, "internal");
    return reply.render(`${views}/table.njk`, {
      title: table.title,
      table,
      rows: tableRows(table),
      validation: validationView(request, validation),
      base: "/statistics/tables",
      exports: exportLinks(request, "/statistics/tables", table),
      internal: true,
    });
  });

  app.get("/statistics/tables/:code/export", readStatistics, async (request, reply) => {
    const { table } = await tableFor(statistics, request, "internal");
    return sendExport(reply, request, table);
  });

  await registerParkedCaseRoutes(app, statistics);
}
