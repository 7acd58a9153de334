export interface ChartSeries {
  name: string;
  /** One value per category; null leaves a gap (e.g. a suppressed or not yet available figure). */
  values: Array<number | null>;
}

/** A prediction interval drawn as a shaded band under a line chart's lines. */
export interface ChartBand {
  name: string;
  lower: number[];
  upper: number[];
}

export interface ChartSpec {
  kind: "line" | "bar" | "stacked-bar";
  title: string;
  categories: string[];
  /** Heading of the category column in the data table and CSV, e.g. `Month`; empty if not given. */
  categoryLabel?: string;
  series: ChartSeries[];
  width?: number;
  height?: number;
  yAxisLabel?: string;
  band?: ChartBand;
}
