import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../platform/http/index.js";
import { chartCsv } from "../charts/chart-table.js";
import { buildForecast } from "../dashboard/build-forecast.js";
import { parseDashboardFilters } from "../dashboard/dashboard-filters.js";
import { figuresAsOf } from "../dashboard/figures-as-of.js";
import { dashboardFilterView, filterFields } from "../dashboard/filter-fields.js";
import { forecastPage } from "../dashboard/forecast-page.js";
import { createDashboardLoader, type DrawnChart } from "../dashboard/load-dashboard.js";
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

/** The charts' part of the dashboard page, drawn once and kept with the dashboard (load-dashboard.ts). */
function chartsPart(reply: FastifyReply, query: string) {
  return (charts: DrawnChart[]) =>
    reply.renderFragment(`${views}/dashboard-charts.njk`, {
      charts: charts.map((chart) => ({
        id: chart.id,
        title: chart.spec.title,
        svg: chart.svg,
        table: chart.table,
        csvHref: `/statistics/charts/${chart.id}.csv?${query}`,
      })),
    });
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
  const dashboards = createDashboardLoader(statistics);

  app.get("/statistics", readStatistics, async (request, reply) => {
    const { filters, problems, view, t } = dashboardOf(statistics, request);
    const query = queryString({ ...filters });
    const loaded = await dashboards.load(filters, request.locale, t, chartsPart(reply, query));
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
      asOf: figuresAsOf(loaded.computedAt, statistics.clock.now(), request.locale, t),
      chartsHtml: loaded.value.html,
    });
  });

  app.get("/statistics/charts/:id.csv", readStatistics, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { filters, t } = dashboardOf(statistics, request);
    const draw = chartsPart(reply, queryString({ ...filters }));
    const { value } = await dashboards.load(filters, request.locale, t, draw);
    const chart = value.charts.find((one) => one.id === id);
    if (!chart) throw new NotFoundError("unknown_chart");
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${id}_${filters.from}_${filters.to}.csv"`)
      .send(`\uFEFF${chartCsv(chart.spec)}`);
  });

  app.get("/statistics/forecast", readStatistics, async (request, reply) => {
    const asked = (request.query as { caseType?: unknown }).caseType;
    const t = (key: string, options?: Record<string, unknown>) => request.t(key, options);
    const view = await dashboards.gate.run(() =>
      buildForecast(statistics.db, {
        caseType: typeof asked === "string" ? asked : "",
        currentMonth: statistics.clock.now().toISOString().slice(0, 7),
        t,
      }),
    );
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
