import type { EChartsOption, SeriesOption } from "echarts";
import type { ChartSpec } from "./chart-spec.js";
import { BAND_FILL, CHART_FONT_FAMILY, CHART_PALETTE, TEXT_COLOUR } from "./chart-style.js";
import { echartsLibrary } from "./echarts-library.js";

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

const DEFAULT_CHART_WIDTH = 720;
const DEFAULT_CHART_HEIGHT = 400;

const TITLE_SIZE = 16;
const TITLE_LINE = 22;
const LEGEND_SIZE = 12;
const LEGEND_LINE = 22;
/** Width of the legend's colour mark and the gaps around an entry. */
const LEGEND_MARK = 25 + 10;
const BAR_ROW = 26;
const MARGIN = 8;
/** Title and one row of legend above the plot. */
const DEFAULT_HEADER = 88;

/**
 * A text's width as echarts lays it out on the server: without fonts to measure with, it counts a
 * letter outside ASCII (ə, ş, Cyrillic) a full em wide, which errs towards too much room in a browser.
 */
export function textWidth(text: string, fontSize: number): number {
  return echartsLibrary().format.getTextRect(text, `${fontSize}px ${CHART_FONT_FAMILY}`).width;
}

/** Words packed into lines no wider than `width`. */
function lineCount(text: string, fontSize: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const wide = textWidth(`${word} `, fontSize);
    if (used > 0 && used + wide > width) {
      lines += 1;
      used = 0;
    }
    used += wide;
  }
  return lines;
}

/** Legend entries packed into rows no wider than `width`, as echarts wraps them. */
function legendRowCount(names: string[], width: number): number {
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const wide = LEGEND_MARK + textWidth(name, LEGEND_SIZE);
    if (used > 0 && used + wide > width) {
      rows += 1;
      used = 0;
    }
    used += wide;
  }
  return rows;
}

interface ChartLayout {
  width: number;
  height: number;
  titleWidth: number;
  legendTop: number;
  gridTop: number;
  legendWidth: number;
}

/**
 * Room for everything drawn: the title wraps rather than running off the edge, the legend gets as
 * many rows as its names need, and the plot moves down (the picture grows) to make space for them.
 */
export function chartLayout(spec: ChartSpec, legendNames: string[]): ChartLayout {
  const width = spec.width ?? DEFAULT_CHART_WIDTH;
  const titleWidth = width - 2 * MARGIN;
  const legendWidth = width - 2 * MARGIN;
  const titleLines = lineCount(spec.title, TITLE_SIZE, titleWidth);
  const legendTop = MARGIN + titleLines * TITLE_LINE + 6;
  const legendRows = legendNames.length > 1 ? legendRowCount(legendNames, legendWidth) : 0;
  const gridTop = legendTop + legendRows * LEGEND_LINE + 30;
  // The requested height holds one title line and one legend row; more of either adds to it.
  const plot = spec.horizontal
    ? Math.max(160, spec.categories.length * BAR_ROW + 40)
    : (spec.height ?? DEFAULT_CHART_HEIGHT) - DEFAULT_HEADER;
  return {
    width,
    height: Math.max(gridTop, DEFAULT_HEADER) + plot,
    titleWidth,
    legendTop,
    gridTop,
    legendWidth,
  };
}

export function chartOption(spec: ChartSpec): EChartsOption {
  checkLengths(spec);
  const legendNames = [...(spec.band ? [spec.band.name] : []), ...spec.series.map((s) => s.name)];
  const showLegend = legendNames.length > 1;
  const layout = chartLayout(spec, legendNames);
  const categoryAxis = {
    type: "category" as const,
    data: spec.categories,
    boundaryGap: spec.kind !== "line",
    axisLabel: { color: TEXT_COLOUR, ...(spec.horizontal ? { interval: 0 } : {}) },
    axisLine: { lineStyle: { color: TEXT_COLOUR } },
    // The first category at the top, as in the data table beside the chart.
    ...(spec.horizontal ? { inverse: true } : {}),
  };
  const valueAxis = {
    type: "value" as const,
    ...(spec.yAxisLabel ? { name: spec.yAxisLabel, nameTextStyle: { align: "left" as const } } : {}),
    axisLabel: { color: TEXT_COLOUR },
  };
  return {
    animation: false,
    color: CHART_PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOUR },
    title: {
      text: spec.title,
      left: MARGIN,
      top: MARGIN,
      textStyle: {
        fontSize: TITLE_SIZE,
        color: TEXT_COLOUR,
        width: layout.titleWidth,
        overflow: "break",
        lineHeight: TITLE_LINE,
      },
    },
    legend: {
      show: showLegend,
      data: legendNames,
      top: layout.legendTop,
      left: MARGIN,
      width: layout.legendWidth,
      itemGap: 10,
      textStyle: { fontSize: LEGEND_SIZE },
    },
    grid: { left: 16, right: 24, top: layout.gridTop, bottom: 16, containLabel: true },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: [...(spec.band ? bandSeries(spec.band) : []), ...dataSeries(spec)],
  };
}
