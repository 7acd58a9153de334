import { numberFormat } from "../../../platform/locale/index.js";
import { type ChartSpec, renderChartSvg } from "../../statistics/index.js";
import type { InterruptedSeriesResult } from "./its/segmented-regression.js";
import type { IndicatorReading } from "./operations/read-indicator.js";

type Translate = (key: string, options?: Record<string, unknown>) => string;
export type Language = "az" | "en" | "ru";

export function languageOf(locale: string): Language {
  const language = locale.slice(0, 2);
  return language === "az" || language === "ru" ? language : "en";
}

/** A value with the indicator's unit, in the reader's number format. */
export function valueWithUnit(reading: IndicatorReading, locale: string): (value: number) => string {
  const unit = reading.indicator.unit[languageOf(locale)];
  const number = numberFormat(locale, { maximumFractionDigits: 2 });
  return (value) => (unit === "%" ? `${number.format(value)} %` : `${number.format(value)} ${unit}`);
}

/**
 * The estimate in words: the change of level and of the monthly trend with their 95 % intervals, or
 * why there is none. The words do not say the policy caused the change: the estimate cannot.
 */
export function describeChange(
  change: { date: string; result: InterruptedSeriesResult },
  t: Translate,
  format: (value: number) => string,
): string[] {
  const { result } = change;
  if (result.status === "too_little_data")
    return [
      t("policyIndicators.its.tooLittle", {
        date: change.date,
        before: result.pointsBefore,
        after: result.pointsAfter,
        minimumBefore: result.minimumBefore,
        minimumAfter: result.minimumAfter,
      }),
    ];
  const sentences = [
    t("policyIndicators.its.level", {
      date: change.date,
      month: result.changeMonth,
      value: format(result.levelChange.value),
      lower: format(result.levelChange.lower),
      upper: format(result.levelChange.upper),
    }),
    t("policyIndicators.its.slope", {
      value: format(result.slopeChange.value),
      lower: format(result.slopeChange.lower),
      upper: format(result.slopeChange.upper),
      before: format(result.slopeBefore.value),
    }),
    t("policyIndicators.its.basis", {
      before: result.pointsBefore,
      after: result.pointsAfter,
      lag: result.lag,
    }),
  ];
  const levelClear = result.levelChange.lower > 0 || result.levelChange.upper < 0;
  const slopeClear = result.slopeChange.lower > 0 || result.slopeChange.upper < 0;
  sentences.push(t(levelClear || slopeClear ? "policyIndicators.its.clear" : "policyIndicators.its.unclear"));
  if (result.lowPower) sentences.push(t("policyIndicators.its.lowPower"));
  return sentences;
}

const rounded = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/**
 * The series as a line chart: the values (split at the chosen policy change into before and after),
 * the trajectory, and the segmented regression's fitted line with the trend the months after would
 * have followed without the change.
 */
export function indicatorChartSpec(
  reading: IndicatorReading,
  t: Translate,
  locale: string,
  changeIndex: number,
): ChartSpec {
  const language = languageOf(locale);
  const values = reading.points.map((point) => rounded(point.value));
  const change = reading.changes[changeIndex];
  const series: ChartSpec["series"] = [];
  if (change) {
    const month = change.result.changeMonth;
    series.push(
      {
        name: t("policyIndicators.chart.before", { date: change.date }),
        values: reading.months.map((m, i) => (m < month ? (values[i] ?? null) : null)),
      },
      {
        name: t("policyIndicators.chart.after", { date: change.date }),
        values: reading.months.map((m, i) => (m >= month ? (values[i] ?? null) : null)),
      },
    );
  } else series.push({ name: t("policyIndicators.chart.value"), values });
  if (reading.trajectory.some((one) => one.value !== null))
    series.push({
      name: t("policyIndicators.chart.trajectory"),
      values: reading.trajectory.map((one) => rounded(one.value)),
    });
  if (change?.result.status === "estimated") {
    const fitted = new Map(change.result.fitted.map((one) => [one.month, one]));
    const month = change.result.changeMonth;
    series.push(
      {
        name: t("policyIndicators.chart.fitted"),
        values: reading.months.map((m) => rounded(fitted.get(m)?.fitted ?? null)),
      },
      {
        name: t("policyIndicators.chart.withoutChange"),
        values: reading.months.map((m) =>
          m >= month ? rounded(fitted.get(m)?.withoutChange ?? null) : null,
        ),
      },
    );
  }
  return {
    kind: "line",
    title: reading.indicator.names[language],
    categories: reading.months,
    categoryLabel: t("policyIndicators.chart.month"),
    yAxisLabel: reading.indicator.unit[language],
    series,
    width: 640,
    height: 320,
  };
}

export function indicatorChartSvg(
  reading: IndicatorReading,
  t: Translate,
  locale: string,
  changeIndex: number,
): string {
  return renderChartSvg(indicatorChartSpec(reading, t, locale, changeIndex));
}
