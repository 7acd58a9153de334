import { MONTHS_PER_YEAR } from "./holt-winters.js";

export interface BacktestResult {
  /** Steps ahead evaluated, possibly fewer than asked for so that at least three origins exist. */
  horizon: number;
  origins: number;
  /** Pooled over every origin and every step 1..horizon; null when there are no origins. */
  mae: number | null;
  rmse: number | null;
  /** In percent; null when an actual value is 0 (the percentage error is undefined) or there are no origins. */
  mape: number | null;
  /** Mean absolute error of the seasonal naive forecast over the same origins: the anchor to beat. */
  naiveMae: number | null;
}

export const MINIMUM_TRAINING_MONTHS = 24;
const MINIMUM_ORIGINS = 3;

/**
 * Rolling-origin evaluation (Tashman 2000; FPP3 section 5.10): for each origin o from the minimum training
 * length to n - h, the model is refitted on the first o observations and forecasts o+1..o+h, which are
 * compared with what actually happened.
 */
export function rollingOriginBacktest(
  values: readonly number[],
  forecast: (training: readonly number[], horizon: number) => number[],
  options: { horizon?: number; minimumTraining?: number } = {},
): BacktestResult {
  const minimumTraining = options.minimumTraining ?? MINIMUM_TRAINING_MONTHS;
  if (minimumTraining < MONTHS_PER_YEAR) {
    throw new RangeError(`the seasonal naive anchor needs at least ${MONTHS_PER_YEAR} training months`);
  }
  const requested = options.horizon ?? MONTHS_PER_YEAR;
  const horizon = Math.min(requested, values.length - minimumTraining - (MINIMUM_ORIGINS - 1));
  if (horizon < 1) return { horizon: 0, origins: 0, mae: null, rmse: null, mape: null, naiveMae: null };

  let absolute = 0;
  let squared = 0;
  let percentage = 0;
  let anyZeroActual = false;
  let naiveAbsolute = 0;
  let count = 0;
  let origins = 0;
  for (let origin = minimumTraining; origin <= values.length - horizon; origin++) {
    origins++;
    const training = values.slice(0, origin);
    const predicted = forecast(training, horizon);
    for (let step = 1; step <= horizon; step++) {
      const actual = values[origin + step - 1] ?? 0;
      const error = actual - (predicted[step - 1] ?? 0);
      absolute += Math.abs(error);
      squared += error * error;
      if (actual === 0) anyZeroActual = true;
      else percentage += Math.abs(error / actual);
      const naive = training[origin - MONTHS_PER_YEAR + ((step - 1) % MONTHS_PER_YEAR)] ?? 0;
      naiveAbsolute += Math.abs(actual - naive);
      count++;
    }
  }
  return {
    horizon,
    origins,
    mae: absolute / count,
    rmse: Math.sqrt(squared / count),
    mape: anyZeroActual ? null : (100 * percentage) / count,
    naiveMae: naiveAbsolute / count,
  };
}
