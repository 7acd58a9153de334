import { type CsvCell, writeCsv } from "../../../platform/csv/index.js";
import type { ChartSpec } from "./chart-spec.js";

export interface ChartDataTable {
  caption: string;
  head: string[];
  rows: string[][];
}

/**
 * The chart's data as a table, shown beside or under the chart for screen-reader users and anyone
 * who needs exact figures. Gaps stay empty cells, as in the chart. The band is included as two
 * columns because a forecast without its interval overstates certainty.
 */
export function chartDataTable(
  spec: ChartSpec,
  formatNumber: (value: number) => string = String,
): ChartDataTable {
  const format = (value: number | null | undefined) =>
    value === null || value === undefined ? "" : formatNumber(value);
  const band = spec.band;
  const head = [
    spec.categoryLabel ?? "",
    ...spec.series.map((s) => s.name),
    ...(band ? [band.lowerLabel ?? `${band.name} (lower)`, band.upperLabel ?? `${band.name} (upper)`] : []),
  ];
  const rows = spec.categories.map((category, i) => [
    category,
    ...spec.series.map((s) => format(s.values[i])),
    ...(band ? [format(band.lower[i]), format(band.upper[i])] : []),
  ]);
  return { caption: spec.title, head, rows };
}

/** The same table as CSV for download, with unformatted numbers so it reads back in any locale. */
export function chartCsv(spec: ChartSpec): string {
  const { head } = chartDataTable(spec);
  const band = spec.band;
  const rows = spec.categories.map((category, i): CsvCell[] => [
    category,
    ...spec.series.map((s) => s.values[i]),
    ...(band ? [band.lower[i], band.upper[i]] : []),
  ]);
  return writeCsv([head, ...rows], { lineEnd: "\n" });
}
