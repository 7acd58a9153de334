import { seasonalNaive } from "./fallback-models.js";
import {
  fillMonths,
  forecastMonthly,
  MODEL_SEASONAL_NAIVE,
  type MonthlyForecast,
  type MonthlyObservation,
  Z80,
  Z95,
} from "./forecast-monthly.js";
import { MONTHS_PER_YEAR } from "./holt-winters.js";
import { addMonths } from "./month-period.js";

export const MODEL_SAME_MONTH_LAST_YEAR = "seasonal naive: the model's back-tested error was larger";

interface ChosenForecast {
  /** What the chart and the table show. */
  shown: MonthlyForecast;
  /** The fitted model, kept for its back-test figures even when it is not shown. */
  fitted: MonthlyForecast;
  /** True when the fitted model forecast known months worse than "the same month last year". */
  simplerIsBetter: boolean;
}

/**
 * The fitted model's forecast, unless its back-test says that repeating the same month of last
 * year forecast better: a model that loses to that anchor is no help for planning, so the simpler
 * forecast becomes the main line and the page says why.
 */
export function chooseForecast(
  history: readonly MonthlyObservation[],
  options: { horizon?: number } = {},
): ChosenForecast {
  const fitted = forecastMonthly(history, options);
  const { mae, naiveMae } = fitted.backtest;
  const simplerIsBetter =
    fitted.model !== MODEL_SEASONAL_NAIVE && mae !== null && naiveMae !== null && mae > naiveMae;
  if (!simplerIsBetter) return { shown: fitted, fitted, simplerIsBetter };
  const horizon = options.horizon ?? MONTHS_PER_YEAR;
  const { firstPeriod, values } = fillMonths(history);
  const lastPeriod = addMonths(firstPeriod, values.length - 1);
  const naive = seasonalNaive(values, horizon);
  const points = naive.means.map((mean, index) => {
    const spread = Math.sqrt(naive.variances[index] ?? 0);
    const bound = (value: number) => Math.max(0, value);
    return {
      period: addMonths(lastPeriod, index + 1),
      value: bound(mean),
      lower80: bound(mean - Z80 * spread),
      upper80: bound(mean + Z80 * spread),
      lower95: bound(mean - Z95 * spread),
      upper95: bound(mean + Z95 * spread),
    };
  });
  const sigma = Math.sqrt(naive.variances[0] ?? 0);
  return {
    shown: {
      model: MODEL_SAME_MONTH_LAST_YEAR,
      points,
      backtest: fitted.backtest,
      parameters: { alpha: null, beta: null, gamma: null, phi: null, sigma },
    },
    fitted,
    simplerIsBetter,
  };
}
