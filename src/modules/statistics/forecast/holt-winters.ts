import { minimiseOnUnitCube } from "./parameter-search.js";

export const MONTHS_PER_YEAR = 12;

/**
 * Smoothing parameters of the error-correction (innovations) form used by Hyndman et al., "Forecasting with
 * Exponential Smoothing" (2008) and "Forecasting: principles and practice" (FPP3, section 8.5):
 *
 *   forecast_t = l_{t-1} + phi * b_{t-1} + s_{t-m}      e_t = y_t - forecast_t
 *   l_t = l_{t-1} + phi * b_{t-1} + alpha * e_t
 *   b_t = phi * b_{t-1} + beta * e_t                    (beta here is alpha * beta* of the component form)
 *   s_t = s_{t-m} + gamma * e_t
 *
 * phi is 1 for the undamped model ETS(A,A,A) and below 1 for the damped ETS(A,Ad,A).
 */
export interface HoltWintersParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** seasonal[i] is the seasonal state used by every observation whose index i satisfies i mod m = position. */
export interface HoltWintersStates {
  level: number;
  trend: number;
  seasonal: number[];
}

export interface HoltWintersFit {
  damped: boolean;
  parameters: HoltWintersParameters;
  initial: HoltWintersStates;
  final: HoltWintersStates;
  observations: number;
  sse: number;
  /** Residual variance over the degrees of freedom left after the estimated parameters and initial states. */
  sigma2: number;
  /** Small-sample corrected AIC, used to choose between the damped and undamped trend. */
  aicc: number;
}

// The damping range of the forecast package: below 0.8 the trend vanishes within a few months, and above
// 0.98 the model is indistinguishable from the undamped one.
const PHI_MIN = 0.8;
const PHI_MAX = 0.98;
const PARAMETER_FLOOR = 1e-4;

/**
 * Classical decomposition of the first two seasons (Hyndman et al. 2008, section 2.6.1): a centred 2×m
 * moving average gives the trend over the middle season, the detrended values give one seasonal index per
 * position (normalised to sum to zero), and a straight line through the seasonally adjusted first two
 * seasons gives the level at time 0 (its intercept) and the trend (its slope).
 */
export function initialStates(values: readonly number[], seasonLength = MONTHS_PER_YEAR): HoltWintersStates {
  const m = seasonLength;
  if (m % 2 !== 0) throw new RangeError("the centred moving average needs an even season length");
  if (values.length < 2 * m) throw new RangeError(`initialisation needs ${2 * m} observations`);
  const at = (index: number) => values[index] ?? 0;
  const half = m / 2;
  const seasonal = new Array<number>(m).fill(0);
  for (let t = half; t < half + m; t++) {
    let sum = 0.5 * at(t - half) + 0.5 * at(t + half);
    for (let k = t - half + 1; k < t + half; k++) sum += at(k);
    seasonal[t % m] = at(t) - sum / m;
  }
  const seasonalMean = seasonal.reduce((total, value) => total + value, 0) / m;
  for (let position = 0; position < m; position++)
    seasonal[position] = (seasonal[position] ?? 0) - seasonalMean;

  const count = 2 * m;
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (let t = 0; t < count; t++) {
    const x = t + 1;
    const y = at(t) - (seasonal[t % m] ?? 0);
    sumX += x;
    sumY += y;
    sumXY += x * y;
    sumXX += x * x;
  }
  const trend = (count * sumXY - sumX * sumY) / (count * sumXX - sumX * sumX);
  const level = (sumY - trend * sumX) / count;
  return { level, trend, seasonal };
}

/** Runs the recursions over the series and returns the one-step-ahead sum of squared errors and the last states. */
export function filterSeries(
  values: readonly number[],
  parameters: HoltWintersParameters,
  initial: HoltWintersStates,
): { sse: number; final: HoltWintersStates } {
  const { alpha, beta, gamma, phi } = parameters;
  const m = initial.seasonal.length;
  const seasonal = [...initial.seasonal];
  let level = initial.level;
  let trend = initial.trend;
  let sse = 0;
  for (let t = 0; t < values.length; t++) {
    const position = t % m;
    const season = seasonal[position] ?? 0;
    const error = (values[t] ?? 0) - (level + phi * trend + season);
    sse += error * error;
    level = level + phi * trend + alpha * error;
    trend = phi * trend + beta * error;
    seasonal[position] = season + gamma * error;
  }
  return { sse, final: { level, trend, seasonal } };
}

/**
 * Maps a point of the unit cube onto the usual admissible region 0 < alpha < 1, 0 < beta < alpha,
 * 0 < gamma < 1 - alpha, so the search never has to reject a candidate.
 */
function parametersFromUnitCube(point: number[], damped: boolean): HoltWintersParameters {
  const alpha = Math.min(1 - PARAMETER_FLOOR, Math.max(PARAMETER_FLOOR, point[0] ?? 0));
  return {
    alpha,
    beta: alpha * (point[1] ?? 0),
    gamma: (1 - alpha) * (point[2] ?? 0),
    phi: damped ? PHI_MIN + (PHI_MAX - PHI_MIN) * (point[3] ?? 0) : 1,
  };
}

const COARSE_AXIS = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95];
const COARSE_PHI_AXIS = [0, 0.5, 1];

/** Fits additive Holt-Winters by minimising the one-step-ahead sum of squared errors. */
export function fitHoltWinters(
  values: readonly number[],
  options: { damped?: boolean; seasonLength?: number } = {},
): HoltWintersFit {
  const damped = options.damped ?? false;
  const initial = initialStates(values, options.seasonLength ?? MONTHS_PER_YEAR);
  const axes = damped
    ? [COARSE_AXIS, COARSE_AXIS, COARSE_AXIS, COARSE_PHI_AXIS]
    : [COARSE_AXIS, COARSE_AXIS, COARSE_AXIS];
  const best = minimiseOnUnitCube(
    (point) => filterSeries(values, parametersFromUnitCube(point, damped), initial).sse,
    axes,
  );
  const parameters = parametersFromUnitCube(best.point, damped);
  const { sse, final } = filterSeries(values, parameters, initial);
  const n = values.length;
  // As forecast::ets counts them: the smoothing parameters plus the initial level, trend and m - 1 free
  // seasonal states (the seasonal states sum to zero).
  const estimated = (damped ? 4 : 3) + 2 + (initial.seasonal.length - 1);
  const sigma2 = sse / Math.max(1, n - estimated);
  const k = estimated + 1;
  const aicc =
    n - k - 1 > 0
      ? n * Math.log(Math.max(sse, Number.MIN_VALUE) / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1)
      : Number.POSITIVE_INFINITY;
  return { damped, parameters, initial, final, observations: n, sse, sigma2, aicc };
}

/** phi + phi^2 + ... + phi^h, which is simply h without damping. */
export function dampedSum(phi: number, h: number): number {
  if (phi === 1) return h;
  return (phi * (1 - phi ** h)) / (1 - phi);
}

/** Point forecasts for 1..horizon steps after the last fitted observation. */
export function forecastHoltWinters(fit: HoltWintersFit, horizon: number): number[] {
  const { level, trend, seasonal } = fit.final;
  const m = seasonal.length;
  return Array.from({ length: horizon }, (_, index) => {
    const h = index + 1;
    return level + dampedSum(fit.parameters.phi, h) * trend + (seasonal[(fit.observations + h - 1) % m] ?? 0);
  });
}

/**
 * Forecast error variance of the linear "class 1" models (Hyndman et al. 2008, section 6.4, eq. 6.1):
 *
 *   v_h = sigma^2 * (1 + sum_{j=1}^{h-1} c_j^2),   c_j = alpha + beta * (phi + ... + phi^j) + gamma * d_{j,m}
 *
 * where d_{j,m} is 1 when j is a multiple of m. Summed out, this is exactly the closed form printed in
 * Hyndman et al. table 6.1 (and FPP3 section 8.7) for ETS(A,A,A),
 *   sigma^2 [1 + (h-1){alpha^2 + alpha beta h + beta^2 h(2h-1)/6} + gamma k{2 alpha + gamma + beta m (k+1)}],
 * k = floor((h-1)/m), and likewise for ETS(A,Ad,A); the tests check both closed forms against this sum.
 */
export function forecastVariances(fit: HoltWintersFit, horizon: number): number[] {
  const { alpha, beta, gamma, phi } = fit.parameters;
  const m = fit.initial.seasonal.length;
  const variances: number[] = [];
  let sumOfSquares = 0;
  for (let h = 1; h <= horizon; h++) {
    const j = h - 1;
    if (j >= 1) {
      const c = alpha + beta * dampedSum(phi, j) + (j % m === 0 ? gamma : 0);
      sumOfSquares += c * c;
    }
    variances.push(fit.sigma2 * (1 + sumOfSquares));
  }
  return variances;
}
