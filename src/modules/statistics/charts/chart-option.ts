import type { EChartsOption, SeriesOption } from "echarts";
import type { ChartSpec } from "./chart-spec.js";
import { BAND_FILL, CHART_FONT_FAMILY, CHART_PALETTE, TEXT_COLOUR } from "./chart-style.js";

function checkLengths(spec: ChartSpec): void {
  const expected = spec.categories.length;
  for (const series of spec.series) {
    if (series.values.length !== expected)
      throw new Error(`series ${series.name} has ${series.values.length} values for ${expected} categories`);
  }
  if (spec.band === undefined) return;
  if (spec.kind !== "line") throw new Error("a band can only be drawn on a line chart");
  if (spec.band.lower.length !== expected || spec.band.upper.length !== expected)
    throw new Error(`band ${spec.band.name} must have ${expected} lower and upper bounds`);
}

/**
 * The band is two invisible stacked lines: the lower bound, then the width of the interval filled
 * down to it. `stackStrategy: "all"` keeps that working when a bound is negative.
 */
function bandSeries(band: NonNullable<ChartSpec["band"]>): SeriesOption[] {
  const common = {
    type: "line" as const,
    stack: "band",
    stackStrategy: "all" as const,
    symbol: "none",
    silent: true,
    lineStyle: { opacity: 0 },
    z: 1,
  };
  return [
    { ...common, name: band.lowerLabel ?? `${band.name} (lower)`, data: band.lower },
    {
      ...common,
      name: band.name,
      data: band.upper.map((upper, i) => (upper === null ? null : upper - (band.lower[i] ?? 0))),
      color: BAND_FILL,
      areaStyle: { color: BAND_FILL, opacity: 1 },
    },
  ];
}

function dataSeries(spec: ChartSpec): SeriesOption[] {
  return spec.series.map((series): SeriesOption => {
    if (spec.kind === "line") {
      // Symbols stay on so a value between two gaps still shows as a dot.
      return { type: "line", name: series.name, data: series.values, symbol: "circle", symbolSize: 6, z: 2 };
    }
    return {
      type: "bar",
      name: series.name,
      data: series.values,
      barMaxWidth: 48,
      ...(spec.kind === "stacked-bar" ? { stack: "total" } : {}),
    };
  });
}

export function chartOption(spec: ChartSpec): EChartsOption {
  checkLengths(spec);
  const legendNames = [...(spec.band ? [spec.band.name] : []), ...spec.series.map((s) => s.name)];
  const showLegend = legendNames.length > 1;
  return {
    animation: false,
    color: CHART_PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOUR },
    title: { text: spec.title, left: 8, top: 8, textStyle: { fontSize: 16, color: TEXT_COLOUR } },
    legend: { show: showLegend, data: legendNames, top: 36, left: 8 },
    grid: { left: 16, right: 24, top: showLegend ? 88 : 64, bottom: 16, containLabel: true },
    xAxis: {
      type: "category",
      data: spec.categories,
      boundaryGap: spec.kind !== "line",
      axisLabel: { color: TEXT_COLOUR },
      axisLine: { lineStyle: { color: TEXT_COLOUR } },
    },
    yAxis: {
      type: "value",
      ...(spec.yAxisLabel ? { name: spec.yAxisLabel, nameTextStyle: { align: "left" as const } } : {}),
      axisLabel: { color: TEXT_COLOUR },
    },
    series: [...(spec.band ? bandSeries(spec.band) : []), ...dataSeries(spec)],
  };
}
