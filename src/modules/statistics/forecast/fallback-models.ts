import { MONTHS_PER_YEAR } from "./holt-winters.js";
import { minimiseOnUnitCube } from "./parameter-search.js";

/** Point forecasts and their error variances, one per step ahead. */
export interface SimpleForecast {
  means: number[];
  variances: number[];
}

/**
 * Seasonal naive: each month repeats the same month of the last year seen. Variance sigma^2 (k + 1) with
 * k = floor((h - 1) / m), as in FPP3 table 5.2, sigma^2 being the mean squared seasonal difference.
 */
export function seasonalNaive(
  values: readonly number[],
  horizon: number,
  m = MONTHS_PER_YEAR,
): SimpleForecast {
  const n = values.length;
  if (n < m) throw new RangeError(`the seasonal naive model needs at least ${m} observations`);
  let sumOfSquares = 0;
  for (let t = m; t < n; t++) sumOfSquares += ((values[t] ?? 0) - (values[t - m] ?? 0)) ** 2;
  const sigma2 = n > m ? sumOfSquares / (n - m) : 0;
  const means: number[] = [];
  const variances: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.floor((h - 1) / m);
    means.push(values[n - m + ((h - 1) % m)] ?? 0);
    variances.push(sigma2 * (k + 1));
  }
  return { means, variances };
}

/**
 * Simple exponential smoothing, ETS(A,N,N), started from the first observation, with alpha minimising the
 * one-step-ahead squared errors. Variance sigma^2 [1 + alpha^2 (h - 1)] (Hyndman et al. 2008, table 6.1).
 */
export function simpleExponentialSmoothing(
  values: readonly number[],
  horizon: number,
): SimpleForecast & { alpha: number; sigma2: number } {
  if (values.length === 0) throw new RangeError("cannot smooth an empty series");
  const run = (alpha: number) => {
    let level = values[0] ?? 0;
    let sse = 0;
    for (let t = 1; t < values.length; t++) {
      const error = (values[t] ?? 0) - level;
      sse += error * error;
      level += alpha * error;
    }
    return { level, sse };
  };
  const toAlpha = (point: number[]) => Math.min(0.9999, Math.max(1e-4, point[0] ?? 0));
  const best = minimiseOnUnitCube((point) => run(toAlpha(point)).sse, [[0.1, 0.3, 0.5, 0.7, 0.9]]);
  const alpha = toAlpha(best.point);
  const { level, sse } = run(alpha);
  // One observation starts the level and one degree of freedom goes to alpha.
  const sigma2 = values.length > 2 ? sse / (values.length - 2) : 0;
  return {
    alpha,
    sigma2,
    means: Array.from({ length: horizon }, () => level),
    variances: Array.from({ length: horizon }, (_, index) => sigma2 * (1 + alpha * alpha * index)),
  };
}
