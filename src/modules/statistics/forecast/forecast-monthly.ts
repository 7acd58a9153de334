import { type BacktestResult, MINIMUM_TRAINING_MONTHS, rollingOriginBacktest } from "./backtest.js";
import { seasonalNaive, simpleExponentialSmoothing } from "./fallback-models.js";
import {
  fitHoltWinters,
  forecastHoltWinters,
  forecastVariances,
  type HoltWintersFit,
  MONTHS_PER_YEAR,
} from "./holt-winters.js";
import { addMonths, monthIndex, periodFromMonthIndex } from "./month-period.js";

export interface MonthlyObservation {
  period: string;
  value: number;
}

export interface ForecastPoint {
  period: string;
  value: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface MonthlyForecast {
  model: string;
  points: ForecastPoint[];
  backtest: BacktestResult;
  /** Null where the chosen model has no such parameter. sigma is the residual standard deviation. */
  parameters: {
    alpha: number | null;
    beta: number | null;
    gamma: number | null;
    phi: number | null;
    sigma: number;
  };
}

// Two-sided standard normal quantiles: the intervals assume normally distributed one-step errors.
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

export const MODEL_HOLT_WINTERS = "ETS(A,A,A): additive Holt-Winters";
export const MODEL_HOLT_WINTERS_DAMPED = "ETS(A,Ad,A): additive Holt-Winters with damped trend";
export const MODEL_SEASONAL_NAIVE = "seasonal naive: fewer than 24 months of history";
export const MODEL_SIMPLE_SMOOTHING = "simple exponential smoothing: fewer than 13 months of history";

/**
 * Forecasts monthly counts. With two full years or more, additive Holt-Winters with and without a damped
 * trend are both fitted and the lower AICc wins; with less history there is too little to separate trend
 * from season, so a seasonal naive model (13-23 months) or simple exponential smoothing (fewer) is used.
 * Months absent from the history count as zero, and counts cannot be negative, so forecasts and interval
 * bounds are clipped at 0 (which makes the lower bounds conservative rather than symmetric).
 */
export function forecastMonthly(
  history: readonly MonthlyObservation[],
  options: { horizon?: number } = {},
): MonthlyForecast {
  const horizon = options.horizon ?? MONTHS_PER_YEAR;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  }
  const { firstPeriod, values } = fillMonths(history);
  const lastPeriod = addMonths(firstPeriod, values.length - 1);
  const { model, means, variances, parameters } = fitBestModel(values, horizon);
  const points = means.map((mean, index) => {
    const spread = Math.sqrt(variances[index] ?? 0);
    return {
      period: addMonths(lastPeriod, index + 1),
      value: clipAtZero(mean),
      lower80: clipAtZero(mean - Z80 * spread),
      upper80: clipAtZero(mean + Z80 * spread),
      lower95: clipAtZero(mean - Z95 * spread),
      upper95: clipAtZero(mean + Z95 * spread),
    };
  });
  const backtest = rollingOriginBacktest(
    values,
    (training, steps) => fitBestModel(training, steps).means.map(clipAtZero),
    { horizon, minimumTraining: MINIMUM_TRAINING_MONTHS },
  );
  return { model, points, backtest, parameters };
}

/** Orders the history and fills the months it skips with zeros, from its first month to its last. */
export function fillMonths(history: readonly MonthlyObservation[]): {
  firstPeriod: string;
  values: number[];
} {
  if (history.length === 0) throw new RangeError("cannot forecast from an empty history");
  const byMonth = new Map<number, number>();
  for (const { period, value } of history) {
    const index = monthIndex(period);
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`counts must be non-negative numbers, got ${value} for ${period}`);
    }
    if (byMonth.has(index)) throw new RangeError(`the history has ${period} more than once`);
    byMonth.set(index, value);
  }
  const first = Math.min(...byMonth.keys());
  const last = Math.max(...byMonth.keys());
  const values = Array.from({ length: last - first + 1 }, (_, offset) => byMonth.get(first + offset) ?? 0);
  return { firstPeriod: periodFromMonthIndex(first), values };
}

interface ModelForecast {
  model: string;
  means: number[];
  variances: number[];
  parameters: MonthlyForecast["parameters"];
}

function fitBestModel(values: readonly number[], horizon: number): ModelForecast {
  if (values.length >= MINIMUM_TRAINING_MONTHS) {
    const undamped = fitHoltWinters(values);
    const damped = fitHoltWinters(values, { damped: true });
    return fromHoltWinters(damped.aicc < undamped.aicc ? damped : undamped, horizon);
  }
  if (values.length > MONTHS_PER_YEAR) {
    const naive = seasonalNaive(values, horizon);
    const sigma = Math.sqrt(naive.variances[0] ?? 0);
    return {
      model: MODEL_SEASONAL_NAIVE,
      ...naive,
      parameters: { alpha: null, beta: null, gamma: null, phi: null, sigma },
    };
  }
  const smoothing = simpleExponentialSmoothing(values, horizon);
  return {
    model: MODEL_SIMPLE_SMOOTHING,
    means: smoothing.means,
    variances: smoothing.variances,
    parameters: {
      alpha: smoothing.alpha,
      beta: null,
      gamma: null,
      phi: null,
      sigma: Math.sqrt(smoothing.sigma2),
    },
  };
}

function fromHoltWinters(fit: HoltWintersFit, horizon: number): ModelForecast {
  const { alpha, beta, gamma, phi } = fit.parameters;
  return {
    model: fit.damped ? MODEL_HOLT_WINTERS_DAMPED : MODEL_HOLT_WINTERS,
    means: forecastHoltWinters(fit, horizon),
    variances: forecastVariances(fit, horizon),
    parameters: { alpha, beta, gamma, phi: fit.damped ? phi : null, sigma: Math.sqrt(fit.sigma2) },
  };
}

function clipAtZero(value: number): number {
  return Math.max(0, value);
}
