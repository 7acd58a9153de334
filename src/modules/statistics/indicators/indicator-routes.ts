import type { FastifyInstance, FastifyRequest } from "fastify";
import { numberFormat } from "../../../platform/locale/index.js";
import type { ChartSpec } from "../charts/chart-spec.js";
import { renderChartSvg } from "../charts/render-chart.js";
import { addMonthsToMonth } from "../cubes/months.js";
import { analystsOnly, type StatisticsModule } from "../web/statistics-module.js";
import { builtinIndicators, exampleTargets } from "./builtin-indicators.js";
import { evaluateIndicator, progressTowardsTarget } from "./indicator.js";
import type { IndicatorDefinition } from "./indicator-definition.js";
import { loadSeriesResolver } from "./resolve-series.js";

const view = "statistics/views/indicators.njk";

type Language = "az" | "en" | "ru";

function languageOf(request: FastifyRequest): Language {
  const language = request.locale.slice(0, 2);
  return language === "az" || language === "ru" ? language : "en";
}

/** The twelve complete months up to the one before the current month. */
function lastTwelveMonths(today: Date): string[] {
  const last = addMonthsToMonth(today.toISOString().slice(0, 7), -1);
  return Array.from({ length: 12 }, (_, index) => addMonthsToMonth(last, index - 11));
}

function progressText(
  definition: IndicatorDefinition,
  values: Array<{ period: string; value: number | null }>,
  t: (key: string, options?: Record<string, unknown>) => string,
  formatValue: (value: number) => string,
): string {
  if (!definition.baseline || !definition.target) return t("statistics.indicators.progress.noTarget");
  const latest = [...values].reverse().find((one) => one.value !== null);
  if (!latest || latest.value === null) return t("statistics.indicators.progress.noValue");
  const progress = progressTowardsTarget(definition, { period: latest.period, value: latest.value });
  if (progress.share === null) return t("statistics.indicators.progress.noTarget");
  const options = {
    period: latest.period,
    value: formatValue(latest.value),
    share: Math.round(progress.share * 100),
  };
  if (progress.share >= 1) return t("statistics.indicators.progress.reached", options);
  if (progress.share < 0) return t("statistics.indicators.progress.backwards", options);
  return progress.onTrack
    ? t("statistics.indicators.progress.onTrack", options)
    : t("statistics.indicators.progress.behind", options);
}

/** Key indicators over the last twelve months against their baselines and targets. */
export async function registerIndicatorRoutes(
  app: FastifyInstance,
  statistics: StatisticsModule,
): Promise<void> {
  const readStatistics = analystsOnly(statistics);

  app.get("/statistics/indicators", readStatistics, async (request, reply) => {
    const t = (key: string, options?: Record<string, unknown>) => request.t(key, options);
    const language = languageOf(request);
    const months = lastTwelveMonths(statistics.clock.now());
    const refs = builtinIndicators.flatMap((definition) =>
      definition.denominator ? [definition.numerator, definition.denominator] : [definition.numerator],
    );
    const resolve = await loadSeriesResolver(statistics.db, refs, months);
    const number = numberFormat(request.locale, { maximumFractionDigits: 1 });
    const notAvailable = t("statistics.comparison.notAvailable");
    const indicators = builtinIndicators.map((definition) => {
      const unit = definition.unit[language];
      const withUnit = (value: number) =>
        unit === "%" ? `${number.format(value)} %` : `${number.format(value)} ${unit}`;
      const values = evaluateIndicator(definition, resolve, months).map(({ period, value }) => ({
        period,
        value: value === null ? null : Math.round(value * 10) / 10,
      }));
      const name = definition.name[language];
      const spec: ChartSpec = {
        kind: "line",
        title: name,
        categories: months,
        categoryLabel: t("statistics.dashboard.month"),
        yAxisLabel: unit,
        series: [{ name, values: values.map((one) => one.value) }],
        width: 560,
        height: 260,
      };
      return {
        code: definition.code,
        name,
        svg: renderChartSvg(spec),
        rows: values.map((one) => ({
          period: one.period,
          value: one.value === null ? notAvailable : withUnit(one.value),
        })),
        baseline: definition.baseline
          ? t("statistics.indicators.periodValue", {
              value: withUnit(definition.baseline.value),
              period: definition.baseline.period,
            })
          : t("statistics.indicators.none"),
        target: definition.target
          ? t("statistics.indicators.periodValue", {
              value: withUnit(definition.target.value),
              period: definition.target.period,
            })
          : t("statistics.indicators.none"),
        example: exampleTargets.has(definition.code),
        progress: progressText(definition, values, t, withUnit),
      };
    });
    return reply.render(view, {
      title: t("statistics.indicators.title"),
      from: months[0],
      to: months.at(-1),
      indicators,
    });
  });
}
