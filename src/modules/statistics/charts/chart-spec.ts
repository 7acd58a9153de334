export interface ChartSeries {
  name: string;
  /** One value per category; null leaves a gap (e.g. a suppressed or not yet available figure). */
  values: Array<number | null>;
}

/** A prediction interval drawn as a shaded band under a line chart's lines. */
export interface ChartBand {
  name: string;
  /** null where there is no interval (the recorded months before a forecast). */
  lower: Array<number | null>;
  upper: Array<number | null>;
  /** Headings of the bounds' columns in the data table, in the reader's language. */
  lowerLabel?: string;
  upperLabel?: string;
}

export interface ChartSpec {
  kind: "line" | "bar" | "stacked-bar";
  /** Bars along the vertical axis, for long category names (regions) that would not fit below bars. */
  horizontal?: boolean;
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
