import { studentTQuantile } from "./student-t.js";

/**
 * Interrupted time series by segmented regression on monthly points (docs/adr/0050):
 *
 *   y_t = b0 + b1·t + b2·D_t + b3·(t − T0)·D_t + e_t
 *
 * t counts months from the first point, T0 is the first month the policy is in force, D_t is 1 from
 * T0 on. b2 is the change of level at T0, b3 the change of the monthly slope. The coefficients are
 * ordinary least squares; their standard errors are Newey–West (heteroskedasticity and
 * autocorrelation consistent, Bartlett weights), because neighbouring months of an administrative
 * series are rarely independent; the plain OLS errors are given beside them.
 */

/** Points needed on each side of the change; below either, the result says so instead of estimating. */
export const minimumPointsBefore = 6;
export const minimumPointsAfter = 6;
/** Below this many on either side an estimate is shown with a warning of little power. */
export const recommendedPointsPerSide = 12;

export interface MonthlyPoint {
  /** YYYY-MM. */
  month: string;
  value: number;
}

export interface Estimate {
  value: number;
  /** Newey–West standard error. */
  standardError: number;
  /** Ordinary least squares standard error (independent, equal-variance errors). */
  olsStandardError: number;
  /** 95 % interval from the Newey–West error and Student's t with n − 4 degrees of freedom. */
  lower: number;
  upper: number;
}

export type InterruptedSeriesResult =
  | {
      status: "too_little_data";
      changeMonth: string;
      pointsBefore: number;
      pointsAfter: number;
      minimumBefore: number;
      minimumAfter: number;
    }
  | {
      status: "estimated";
      changeMonth: string;
      pointsBefore: number;
      pointsAfter: number;
      /** Fewer than the recommended points on a side: the estimate is shown, with a warning. */
      lowPower: boolean;
      intercept: Estimate;
      slopeBefore: Estimate;
      levelChange: Estimate;
      slopeChange: Estimate;
      degreesOfFreedom: number;
      /** The Newey–West truncation lag in months. */
      lag: number;
      residualStandardDeviation: number;
      /** The fitted line at each point used, and where the line before the change would have gone. */
      fitted: Array<{ month: string; fitted: number; withoutChange: number }>;
    };

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Newey and West's (1994) rule of thumb for the lag: floor(4·(n/100)^(2/9)). */
export function neweyWestLag(points: number): number {
  return Math.floor(4 * (points / 100) ** (2 / 9));
}

const parameters = 4;

/** Solves the symmetric positive definite 4×4 system by Cholesky; null when it is singular. */
function choleskyInverse(matrix: number[]): number[] | null {
  const lower = new Array<number>(16).fill(0);
  for (let i = 0; i < 4; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i * 4 + j] as number;
      for (let k = 0; k < j; k += 1) sum -= (lower[i * 4 + k] as number) * (lower[j * 4 + k] as number);
      if (i === j) {
        // Relative to the diagonal, so that the check does not depend on the series' scale.
        if (sum <= 1e-10 * Math.abs(matrix[i * 4 + i] as number)) return null;
        lower[i * 4 + i] = Math.sqrt(sum);
      } else lower[i * 4 + j] = sum / (lower[j * 4 + j] as number);
    }
  }
  const inverse = new Array<number>(16).fill(0);
  for (let column = 0; column < 4; column += 1) {
    const y = [0, 0, 0, 0];
    for (let i = 0; i < 4; i += 1) {
      let sum = i === column ? 1 : 0;
      for (let k = 0; k < i; k += 1) sum -= (lower[i * 4 + k] as number) * (y[k] as number);
      y[i] = sum / (lower[i * 4 + i] as number);
    }
    for (let i = 3; i >= 0; i -= 1) {
      let sum = y[i] as number;
      for (let k = i + 1; k < 4; k += 1)
        sum -= (lower[k * 4 + i] as number) * (inverse[k * 4 + column] as number);
      inverse[i * 4 + column] = sum / (lower[i * 4 + i] as number);
    }
  }
  return inverse;
}

/** (A·S·A) for symmetric 4×4 A and S: the sandwich of the Newey–West covariance. */
function sandwich(bread: number[], meat: number[]): number[] {
  const half = new Array<number>(16).fill(0);
  for (let i = 0; i < 4; i += 1)
    for (let j = 0; j < 4; j += 1) {
      let sum = 0;
      for (let k = 0; k < 4; k += 1) sum += (bread[i * 4 + k] as number) * (meat[k * 4 + j] as number);
      half[i * 4 + j] = sum;
    }
  const result = new Array<number>(16).fill(0);
  for (let i = 0; i < 4; i += 1)
    for (let j = 0; j < 4; j += 1) {
      let sum = 0;
      for (let k = 0; k < 4; k += 1) sum += (half[i * 4 + k] as number) * (bread[k * 4 + j] as number);
      result[i * 4 + j] = sum;
    }
  return result;
}

/**
 * Estimates the change at `changeMonth` (the first month the policy is in force). Points of
 * `leaveOut` (the month a change took effect part-way through) are not used. Points need not be
 * contiguous: t is the month's distance from the first point, and the Newey–West lags pair points by
 * their distance in months.
 */
export function interruptedTimeSeries(
  points: readonly MonthlyPoint[],
  changeMonth: string,
  leaveOut?: string,
): InterruptedSeriesResult {
  const used = points
    .filter((point) => point.month !== leaveOut && Number.isFinite(point.value))
    .sort((a, b) => a.month.localeCompare(b.month));
  const pointsBefore = used.filter((point) => point.month < changeMonth).length;
  const pointsAfter = used.length - pointsBefore;
  const tooLittle = {
    status: "too_little_data" as const,
    changeMonth,
    pointsBefore,
    pointsAfter,
    minimumBefore: minimumPointsBefore,
    minimumAfter: minimumPointsAfter,
  };
  if (pointsBefore < minimumPointsBefore || pointsAfter < minimumPointsAfter) return tooLittle;

  const origin = monthIndex((used[0] as MonthlyPoint).month);
  const changeAt = monthIndex(changeMonth) - origin;
  // Time is centred on the change, so that the columns are of similar size and X'X is well
  // conditioned; the intercept is moved back to t counted from the first point afterwards.
  const rows = used.map((point) => {
    const t = monthIndex(point.month) - origin;
    const after = t >= changeAt ? 1 : 0;
    return { t, x: [1, t - changeAt, after, after * (t - changeAt)], y: point.value, month: point.month };
  });
  type Row = (typeof rows)[number];
  const xtx = new Array<number>(16).fill(0);
  const xty = [0, 0, 0, 0];
  for (const { x, y } of rows) {
    for (let i = 0; i < 4; i += 1) {
      xty[i] = (xty[i] as number) + (x[i] as number) * y;
      for (let j = 0; j < 4; j += 1)
        xtx[i * 4 + j] = (xtx[i * 4 + j] as number) + (x[i] as number) * (x[j] as number);
    }
  }
  const inverse = choleskyInverse(xtx);
  if (!inverse) return tooLittle;
  const centred = [0, 1, 2, 3].map((i) =>
    [0, 1, 2, 3].reduce((sum, j) => sum + (inverse[i * 4 + j] as number) * (xty[j] as number), 0),
  );
  const n = rows.length;
  const residuals = rows.map(
    ({ x, y }) => y - x.reduce((sum, value, i) => sum + value * (centred[i] as number), 0),
  );
  const degreesOfFreedom = n - parameters;
  const residualSquares = residuals.reduce((sum, residual) => sum + residual * residual, 0);
  const variance = residualSquares / degreesOfFreedom;

  const lag = neweyWestLag(n);
  const meat = new Array<number>(16).fill(0);
  const addToMeat = (a: number, b: number, weight: number) => {
    const xa = (rows[a] as Row).x;
    const xb = (rows[b] as Row).x;
    const product = weight * (residuals[a] as number) * (residuals[b] as number);
    for (let i = 0; i < 4; i += 1)
      for (let j = 0; j < 4; j += 1) {
        let term = (xa[i] as number) * (xb[j] as number);
        if (a !== b) term += (xb[i] as number) * (xa[j] as number);
        meat[i * 4 + j] = (meat[i * 4 + j] as number) + product * term;
      }
  };
  for (let a = 0; a < n; a += 1) {
    addToMeat(a, a, 1);
    for (let b = a - 1; b >= 0; b -= 1) {
      const distance = (rows[a] as Row).t - (rows[b] as Row).t;
      if (distance > lag) break;
      addToMeat(a, b, 1 - distance / (lag + 1));
    }
  }
  // The small-sample factor n / (n − k), as most statistical packages apply it.
  const robust = sandwich(inverse, meat).map((value) => (value * n) / degreesOfFreedom);

  // Back from t − T0 to t: b0 = c0 − c1·T0, and Var(b0) = Var(c0) + T0²·Var(c1) − 2·T0·Cov(c0, c1).
  const interceptVariance = (covariance: number[]) =>
    (covariance[0] as number) +
    changeAt * changeAt * (covariance[5] as number) -
    2 * changeAt * (covariance[1] as number);
  const ols = inverse.map((value) => value * variance);
  const quantile = studentTQuantile(0.975, degreesOfFreedom);
  const estimate = (value: number, robustVariance: number, olsVariance: number): Estimate => {
    const standardError = Math.sqrt(Math.max(0, robustVariance));
    return {
      value,
      standardError,
      olsStandardError: Math.sqrt(Math.max(0, olsVariance)),
      lower: value - quantile * standardError,
      upper: value + quantile * standardError,
    };
  };
  const [c0, c1, c2, c3] = centred as [number, number, number, number];
  return {
    status: "estimated",
    changeMonth,
    pointsBefore,
    pointsAfter,
    lowPower: pointsBefore < recommendedPointsPerSide || pointsAfter < recommendedPointsPerSide,
    intercept: estimate(c0 - c1 * changeAt, interceptVariance(robust), interceptVariance(ols)),
    slopeBefore: estimate(c1, robust[5] as number, ols[5] as number),
    levelChange: estimate(c2, robust[10] as number, ols[10] as number),
    slopeChange: estimate(c3, robust[15] as number, ols[15] as number),
    degreesOfFreedom,
    lag,
    residualStandardDeviation: Math.sqrt(variance),
    fitted: rows.map((row) => {
      const withoutChange = c0 + c1 * (row.t - changeAt);
      return {
        month: row.month,
        fitted: withoutChange + c2 * (row.x[2] as number) + c3 * (row.x[3] as number),
        withoutChange,
      };
    }),
  };
}
