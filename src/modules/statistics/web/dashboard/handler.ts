import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { chartCsv } from "../../charts/chart-table.js";
import { figuresAsOf } from "../../dashboard/figures-as-of.js";
import { filterFields } from "../../dashboard/filter-fields.js";
import type { DashboardLoader } from "../../dashboard/load-dashboard.js";
import type { StatisticsModule } from "../statistics-module.js";
import { chartsPart, dashboardOf, queryString } from "./dashboard-query.js";

type Dashboards = DashboardLoader;

/** GET /statistics: the filters, and the charts drawn on the server (kept while the figures hold). */
export async function showDashboard(
  statistics: StatisticsModule,
  dashboards: Dashboards,
  request: FastifyRequest,
  reply: FastifyReply,
) {
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
  return reply.render("statistics/web/dashboard/dashboard.njk", {
    title: request.t("statistics.dashboard.title"),
    filters,
    errors,
    filterFields: fields,
    asOf: figuresAsOf(loaded.computedAt, statistics.clock.now(), request.locale, t),
    chartsHtml: loaded.value.html,
  });
}

/** GET /statistics/charts/:id.csv: one chart's figures, for the same filters. */
export async function sendChartCsv(
  statistics: StatisticsModule,
  dashboards: Dashboards,
  request: FastifyRequest,
  reply: FastifyReply,
) {
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
}
