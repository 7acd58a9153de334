import { createRequire } from "node:module";

type ECharts = typeof import("echarts");

const require = createRequire(import.meta.url);
let loaded: ECharts | undefined;

/**
 * echarts, loaded on the first chart rather than at start-up: it is the heaviest library Karvan
 * uses and most processes never draw a chart. Its single-file build loads faster than its hundreds
 * of ES modules, and loading it synchronously keeps chart rendering a plain function.
 */
export function echartsLibrary(): ECharts {
  loaded ??= require("echarts") as ECharts;
  return loaded;
}
