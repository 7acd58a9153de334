import type { ChartSpec } from "../../../statistics/index.js";
import type { IndicatorContext } from "../indicator-context.js";
import {
  describeChange,
  indicatorChartSpec,
  indicatorChartSvg,
  valueWithUnit,
} from "../indicator-presentation.js";
import { type IndicatorReading, readIndicator } from "./read-indicator.js";

export interface IndicatorForReport extends IndicatorReading {
  /** The chart around the latest policy change (or the plain series without one), as SVG with its spec. */
  chart: { spec: ChartSpec; svg: string };
  /** Each policy change's estimate in words, in the order of `changes`. */
  changesInWords: string[][];
}

/**
 * What the monitoring report shows of an indicator over months `from` to `to` (YYYY-MM): the series,
 * baseline, target, trajectory, progress, the interrupted-time-series estimate of each policy change
 * in numbers and in words, and the chart. The reader needs the same permission as on the pages.
 */
export async function readIndicatorForReport(
  context: IndicatorContext,
  code: string,
  options: {
    from: string;
    to: string;
    locale: string;
    t: (key: string, values?: Record<string, unknown>) => string;
  },
): Promise<IndicatorForReport> {
  const reading = await readIndicator(context, code, options);
  const changeIndex = reading.changes.length - 1;
  const format = valueWithUnit(reading, options.locale);
  return {
    ...reading,
    chart: {
      spec: indicatorChartSpec(reading, options.t, options.locale, changeIndex),
      svg: indicatorChartSvg(reading, options.t, options.locale, changeIndex),
    },
    changesInWords: reading.changes.map((change) => describeChange(change, options.t, format)),
  };
}
