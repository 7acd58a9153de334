import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../platform/http/index.js";
import { chartCsv, chartDataTable } from "../charts/chart-table.js";
import { renderChartSvg } from "../charts/render-chart.js";
import { buildDashboard } from "../dashboard/build-dashboard.js";
import { buildForecast } from "../dashboard/build-forecast.js";
import { parseDashboardFilters } from "../dashboard/dashboard-filters.js";
import { analystsOnly, type StatisticsModule } from "./statistics-module.js";
import { exportLinks, sendExport, tableFor, tableList, tableRows, validationView } from "./table-page.js";

const views = "statistics/views";

function dashboardOf(statistics: StatisticsModule, request: FastifyRequest) {
  const currentMonth = statistics.clock.now().toISOString().slice(0, 7);
  return parseDashboardFilters(request.query as Record<string, unknown>, currentMonth);
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
    const { filters, problems } = dashboardOf(statistics, request);
    const charts = await buildDashboard(statistics.db, filters, (key, options) => request.t(key, options));
    const format = new Intl.NumberFormat(request.locale);
    const query = queryString({ ...filters });
    const errors = problems.map((problem) => ({
      text: request.t(`statistics.errors.${problem.code}`),
      href: `#${problem.field}`,
      field: problem.field,
    }));
    const typed = request.query as Record<string, unknown>;
    const field = (name: keyof typeof filters, hintKey: string, classes: string) => {
      const error = errors.find((one) => one.field === name)?.text ?? null;
      return {
        name,
        label: request.t(`statistics.dashboard.${name}`),
        hint: request.t(hintKey),
        classes,
        error,
        // A field in error keeps what was typed, so it can be corrected rather than typed again.
        value: error && typeof typed[name] === "string" ? typed[name] : filters[name],
      };
    };
    return reply.render(`${views}/dashboard.njk`, {
      title: request.t("statistics.dashboard.title"),
      filters,
      errors,
      filterFields: [
        field("from", "statistics.dashboard.monthHint", "govuk-input--width-10"),
        field("to", "statistics.dashboard.monthHint", "govuk-input--width-10"),
        field("caseType", "statistics.dashboard.caseTypeHint", "govuk-input--width-20"),
        field("citizen", "statistics.dashboard.citizenHint", "govuk-input--width-20"),
        field("region", "statistics.dashboard.regionHint", "govuk-input--width-20"),
      ],
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
    const { filters } = dashboardOf(statistics, request);
    const charts = await buildDashboard(statistics.db, filters, (key, options) => request.t(key, options));
    const chart = charts.find((one) => one.id === id);
    if (!chart) throw new NotFoundError("unknown_chart");
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${id}_${filters.from}_${filters.to}.csv"`)
      .send(`\uFEFF${chartCsv(chart.spec)}`);
  });

  app.get("/statistics/forecast", readStatistics, async (request, reply) => {
    const asked = (request.query as { caseType?: unknown }).caseType;
    const view = await buildForecast(statistics.db, {
      caseType: typeof asked === "string" ? asked : "",
      currentMonth: statistics.clock.now().toISOString().slice(0, 7),
      t: (key, options) => request.t(key, options),
    });
    const number = new Intl.NumberFormat(request.locale, { maximumFractionDigits: 1 });
    const figure = (value: number | null) =>
      value === null ? request.t("statistics.forecast.notAvailable") : number.format(value);
    const backtest = view.forecast?.backtest;
    return reply.render(`${views}/forecast.njk`, {
      title: request.t("statistics.forecast.title"),
      view,
      svg: view.chart ? renderChartSvg(view.chart) : null,
      caseTypeItems: view.caseTypes.map((code) => ({
        value: code,
        text: request.t(`statistics.caseTypes.${code}`),
        selected: code === view.caseType,
      })),
      backtestRows: backtest
        ? [
            {
              key: { text: request.t("statistics.forecast.model") },
              value: { text: request.t(`statistics.forecast.models.${view.modelKey}`) },
            },
            {
              key: { text: request.t("statistics.forecast.historyMonths") },
              value: { text: String(view.history) },
            },
            {
              key: { text: request.t("statistics.forecast.origins") },
              value: { text: String(backtest.origins) },
            },
            {
              key: { text: request.t("statistics.forecast.mae", { horizon: backtest.horizon }) },
              value: { text: figure(backtest.mae) },
            },
            {
              key: { text: request.t("statistics.forecast.naiveMae") },
              value: { text: figure(backtest.naiveMae) },
            },
            { key: { text: request.t("statistics.forecast.rmse") }, value: { text: figure(backtest.rmse) } },
            {
              key: { text: request.t("statistics.forecast.mape") },
              value: { text: backtest.mape === null ? figure(null) : `${figure(backtest.mape)} %` },
            },
          ]
        : [],
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
}
