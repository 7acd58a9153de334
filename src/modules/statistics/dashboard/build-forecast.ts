import type { Queryable } from "../../../platform/db/index.js";
import type { ChartSpec } from "../charts/chart-spec.js";
import { monthlySeries } from "../cubes/cube-repository.js";
import { addMonthsToMonth } from "../cubes/months.js";
import { chooseForecast } from "../forecast/choose-forecast.js";
import {
  MODEL_HOLT_WINTERS,
  MODEL_HOLT_WINTERS_DAMPED,
  MODEL_SEASONAL_NAIVE,
  type MonthlyForecast,
} from "../forecast/forecast-monthly.js";
import type { Translate } from "./build-dashboard.js";

/** Up to five years of history: long enough for seasons, short enough for today's pattern. */
const HISTORY_MONTHS = 60;
const SHOWN_HISTORY_MONTHS = 36;

export interface ForecastView {
  caseType: string;
  caseTypes: string[];
  history: number;
  /** What the chart and table show: the fitted model, or the same month last year when that did better. */
  forecast: MonthlyForecast | null;
  /** The fitted model, whose back-test is reported even when its forecast is not shown. */
  modelKey: string;
  simplerIsBetter: boolean;
  chart: ChartSpec | null;
}

function modelKeyOf(model: string): string {
  if (model === MODEL_HOLT_WINTERS) return "holtWinters";
  if (model === MODEL_HOLT_WINTERS_DAMPED) return "holtWintersDamped";
  if (model === MODEL_SEASONAL_NAIVE) return "seasonalNaive";
  return "simpleSmoothing";
}

/**
 * Monthly applications of one case type, twelve months ahead with 80 % and 95 % prediction
 * intervals, and the model's back-tested error beside the seasonal naive anchor, for staffing.
 * The month in progress is left out: it is not complete yet.
 */
export async function buildForecast(
  db: Queryable,
  options: { caseType: string; currentMonth: string; t: Translate },
): Promise<ForecastView> {
  const last = addMonthsToMonth(options.currentMonth, -1);
  const from = addMonthsToMonth(last, -(HISTORY_MONTHS - 1));
  const rows = await monthlySeries(db, "applications", { from, to: last }, {}, "d1");
  const caseTypes = [...new Set(rows.map((row) => row.split))].sort();
  const caseType = caseTypes.includes(options.caseType) ? options.caseType : (caseTypes[0] ?? "");
  const series = rows.filter((row) => row.split === caseType);
  const firstMonth = series[0]?.period;
  if (!firstMonth)
    return {
      caseType,
      caseTypes,
      history: 0,
      forecast: null,
      modelKey: "",
      simplerIsBetter: false,
      chart: null,
    };
  const history: Array<{ period: string; value: number }> = [];
  for (let month = firstMonth; month <= last; month = addMonthsToMonth(month, 1)) {
    history.push({ period: month, value: series.find((row) => row.period === month)?.n ?? 0 });
  }
  const { shown: forecast, fitted, simplerIsBetter } = chooseForecast(history);
  const shown = history.slice(-SHOWN_HISTORY_MONTHS);
  const categories = [...shown.map((point) => point.period), ...forecast.points.map((point) => point.period)];
  const gap = (count: number) => Array.from({ length: count }, () => null);
  const t = options.t;
  return {
    caseType,
    caseTypes,
    history: history.length,
    forecast,
    modelKey: modelKeyOf(fitted.model),
    simplerIsBetter,
    chart: {
      kind: "line",
      title: t("statistics.forecast.chartTitle", { caseType: t(`statistics.caseTypes.${caseType}`) }),
      categories,
      categoryLabel: t("statistics.dashboard.month"),
      series: [
        {
          name: t("statistics.forecast.recorded"),
          values: [...shown.map((point) => point.value), ...gap(forecast.points.length)],
        },
        {
          name: simplerIsBetter
            ? t("statistics.forecast.sameMonthLastYear")
            : t("statistics.forecast.forecast"),
          values: [...gap(shown.length), ...forecast.points.map((point) => Math.round(point.value))],
        },
      ],
      band: {
        name: t("statistics.forecast.interval95"),
        lowerLabel: t("statistics.forecast.lower95"),
        upperLabel: t("statistics.forecast.upper95"),
        lower: [...gap(shown.length), ...forecast.points.map((point) => Math.round(point.lower95))],
        upper: [...gap(shown.length), ...forecast.points.map((point) => Math.round(point.upper95))],
      },
    },
  };
}
