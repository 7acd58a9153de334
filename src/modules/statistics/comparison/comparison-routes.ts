import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../../../platform/errors/index.js";
import { dateTimeFormat, numberFormat } from "../../../platform/locale/index.js";
import { countryName } from "../../../platform/reference/index.js";
import type { ChartSpec } from "../charts/chart-spec.js";
import { chartDataTable } from "../charts/chart-table.js";
import { renderChartSvg } from "../charts/render-chart.js";
import { analystsOnly, type StatisticsModule } from "../web/statistics-module.js";
import {
  buildComparison,
  type ComparedIndicator,
  type ComparedSeries,
  ownCubeCode,
} from "./comparison-data.js";

const view = "statistics/views/comparison.njk";

function indicatorOf(request: FastifyRequest): ComparedIndicator {
  const asked = (request.query as { indicator?: unknown }).indicator;
  if (asked === undefined || asked === "") return "asylum_applicants";
  if (typeof asked === "string" && asked in ownCubeCode) return asked as ComparedIndicator;
  throw new DomainError("invalid_indicator", 400, "statistics.comparison.invalidIndicator");
}

function countryNameFor(request: FastifyRequest, code: string): string {
  return /^[A-Z]{2}$/.test(code) ? countryName(code, request.locale) : code;
}

/**
 * Karvan's yearly asylum figures beside other countries' official ones, absolute and per 100,000
 * inhabitants, as tables and charts drawn on the server.
 */
export async function registerComparisonRoutes(
  app: FastifyInstance,
  statistics: StatisticsModule,
): Promise<void> {
  const readStatistics = analystsOnly(statistics);

  app.get("/statistics/comparison", readStatistics, async (request, reply) => {
    const t = (key: string, options?: Record<string, unknown>) => request.t(key, options);
    const indicator = indicatorOf(request);
    const lastCompleteYear = statistics.clock.now().getUTCFullYear() - 1;
    const comparison = await buildComparison(statistics.db, indicator, lastCompleteYear);
    const format = numberFormat(request.locale);
    const rateFormat = numberFormat(request.locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const dateFormat = dateTimeFormat(request.locale, { dateStyle: "long", timeZone: "UTC" });
    const notAvailable = t("statistics.comparison.notAvailable");
    const nameOf = (series: ComparedSeries) =>
      series.own
        ? t("statistics.comparison.ownSeries", { country: countryNameFor(request, series.country) })
        : countryNameFor(request, series.country);
    const measures = [
      { id: "absolute", pick: (v: ComparedSeries["values"][number]) => v.value, number: format },
      {
        id: "per-100000",
        pick: (v: ComparedSeries["values"][number]) => v.perHundredThousand,
        number: rateFormat,
      },
    ] as const;
    const sections = measures.map((measure) => {
      const spec: ChartSpec = {
        kind: "bar",
        title: t(`statistics.comparison.charts.${measure.id}`, {
          indicator: t(`statistics.comparison.indicators.${indicator}`),
        }),
        categories: comparison.years,
        categoryLabel: t("statistics.comparison.year"),
        series: comparison.series.map((series) => ({
          name: nameOf(series),
          values: series.values.map(measure.pick),
        })),
      };
      const table = chartDataTable(spec, (value) => measure.number.format(value));
      return {
        id: measure.id,
        title: spec.title,
        svg: comparison.series.length > 0 ? renderChartSvg(spec) : "",
        table: {
          ...table,
          rows: table.rows.map((row) => row.map((cell) => (cell === "" ? notAvailable : cell))),
        },
      };
    });
    return reply.render(view, {
      title: t("statistics.comparison.title"),
      indicator,
      indicatorItems: Object.keys(ownCubeCode).map((code) => ({
        value: code,
        text: t(`statistics.comparison.indicators.${code}`),
        checked: code === indicator,
      })),
      lastCompleteYear,
      empty: comparison.series.length === 0,
      sources: comparison.series.map((series) => ({
        name: nameOf(series),
        text: series.own
          ? t("statistics.comparison.ownSource", { year: lastCompleteYear })
          : t("statistics.comparison.loadedSource", {
              source: series.source,
              date: series.loadedAt ? dateFormat.format(series.loadedAt) : "",
            }),
      })),
      sections,
    });
  });
}
