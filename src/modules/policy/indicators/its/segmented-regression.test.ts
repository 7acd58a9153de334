import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type InterruptedSeriesResult,
  interruptedTimeSeries,
  type MonthlyPoint,
  monthIndex,
  neweyWestLag,
} from "./segmented-regression.js";
import { studentTDistribution, studentTQuantile } from "./student-t.js";

function monthAt(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function series(firstMonth: string, values: number[]): MonthlyPoint[] {
  const start = monthIndex(firstMonth);
  return values.map((value, offset) => ({ month: monthAt(start + offset), value }));
}

function estimated(result: InterruptedSeriesResult) {
  if (result.status !== "estimated") throw new Error(`expected an estimate, got ${result.status}`);
  return result;
}

/**
 * The same model the plain way: the design matrix with t from the first point, X'X by matrix
 * products, its inverse by Gauss–Jordan elimination, and the Newey–West sum over every pair of points.
 */
function directComputation(points: MonthlyPoint[], changeMonth: string) {
  const origin = monthIndex(points[0]?.month ?? changeMonth);
  const changeAt = monthIndex(changeMonth) - origin;
  const t = points.map((point) => monthIndex(point.month) - origin);
  const X = t.map((ti) => [1, ti, ti >= changeAt ? 1 : 0, ti >= changeAt ? ti - changeAt : 0]);
  const y = points.map((point) => point.value);
  const k = 4;
  const n = points.length;
  const xtx = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) =>
      X.reduce((sum, row) => sum + (row[i] as number) * (row[j] as number), 0),
    ),
  );
  const augmented = xtx.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < k; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < k; r += 1)
      if (Math.abs(augmented[r]?.[col] as number) > Math.abs(augmented[pivot]?.[col] as number)) pivot = r;
    [augmented[col], augmented[pivot]] = [augmented[pivot] as number[], augmented[col] as number[]];
    const lead = augmented[col] as number[];
    const divisor = lead[col] as number;
    for (let j = 0; j < 2 * k; j += 1) lead[j] = (lead[j] as number) / divisor;
    for (let r = 0; r < k; r += 1) {
      if (r === col) continue;
      const row = augmented[r] as number[];
      const factor = row[col] as number;
      for (let j = 0; j < 2 * k; j += 1) row[j] = (row[j] as number) - factor * (lead[j] as number);
    }
  }
  const inverse = augmented.map((row) => row.slice(k));
  const xty = Array.from({ length: k }, (_, i) =>
    X.reduce((sum, row, r) => sum + (row[i] as number) * (y[r] as number), 0),
  );
  const beta = inverse.map((row) => row.reduce((sum, value, j) => sum + value * (xty[j] as number), 0));
  const residuals = X.map(
    (row, r) => (y[r] as number) - row.reduce((sum, value, j) => sum + value * (beta[j] as number), 0),
  );
  const lag = neweyWestLag(n);
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < n; a += 1)
    for (let b = 0; b < n; b += 1) {
      const distance = Math.abs((t[a] as number) - (t[b] as number));
      if (distance > lag) continue;
      const weight = 1 - distance / (lag + 1);
      for (let i = 0; i < k; i += 1)
        for (let j = 0; j < k; j += 1)
          (meat[i] as number[])[j] =
            ((meat[i] as number[])[j] as number) +
            weight *
              (residuals[a] as number) *
              (residuals[b] as number) *
              ((X[a] as number[])[i] as number) *
              ((X[b] as number[])[j] as number);
    }
  const multiply = (a: number[][], b: number[][]) =>
    a.map(
      (row) =>
        b[0]?.map((_, j) =>
          row.reduce((sum, value, m) => sum + value * ((b[m] as number[])[j] as number), 0),
        ) ?? [],
    );
  const robust = multiply(multiply(inverse, meat), inverse).map((row) =>
    row.map((value) => (value * n) / (n - k)),
  );
  const variance = residuals.reduce((sum, e) => sum + e * e, 0) / (n - k);
  return {
    beta,
    robustErrors: robust.map((row, i) => Math.sqrt(Math.max(0, row[i] as number))),
    olsErrors: inverse.map((row, i) => Math.sqrt(Math.max(0, (row[i] as number) * variance))),
  };
}

describe("interruptedTimeSeries", () => {
  it("gives the hand-computed estimates of a small series", () => {
    // Six months before (t = 0..5) and six after (T0 = 6). With a level and a slope term for each side,
    // OLS fits each side on its own: before, Sxx = 17.5 and Sxy = 16.5, so b1 = 16.5/17.5 and
    // b0 = 3.5 − 2.5·b1; after (s = t − 6), the slope is 11/17.5 and the level at s = 0 is
    // 68/6 − 2.5·11/17.5. Then b3 = 11/17.5 − b1 and b2 = (after level) − (b0 + 6·b1).
    // The residual sums of squares are 17.5 − 16.5²/17.5 and 22/3 − 11²/17.5, over 12 − 4 = 8 degrees of
    // freedom; Var(b3) = σ²·(1/17.5 + 1/17.5); Var(b2) = σ²·[(1/6 + 2.5²/17.5) + (1/6 + 3.5²/17.5)].
    const points = series("2024-01", [1, 3, 2, 4, 5, 6, 10, 10, 11, 12, 12, 13]);
    const result = estimated(interruptedTimeSeries(points, "2024-07"));
    const b1 = 16.5 / 17.5;
    const b0 = 3.5 - 2.5 * b1;
    const afterLevel = 68 / 6 - (2.5 * 11) / 17.5;
    const sigma2 = (17.5 - 16.5 ** 2 / 17.5 + (22 / 3 - 11 ** 2 / 17.5)) / 8;
    expect(result.intercept.value).toBeCloseTo(b0, 10);
    expect(result.slopeBefore.value).toBeCloseTo(b1, 10);
    expect(result.levelChange.value).toBeCloseTo(afterLevel - (b0 + 6 * b1), 10);
    expect(result.slopeChange.value).toBeCloseTo(11 / 17.5 - b1, 10);
    expect(result.levelChange.value).toBeCloseTo(2.961905, 5);
    expect(result.slopeChange.value).toBeCloseTo(-0.314286, 5);
    expect(result.slopeChange.olsStandardError).toBeCloseTo(Math.sqrt((sigma2 * 2) / 17.5), 10);
    expect(result.levelChange.olsStandardError).toBeCloseTo(
      Math.sqrt(sigma2 * (1 / 6 + 2.5 ** 2 / 17.5 + 1 / 6 + 3.5 ** 2 / 17.5)),
      10,
    );
    expect(result.degreesOfFreedom).toBe(8);
    expect(result.lag).toBe(2);
    expect(result.lowPower).toBe(true);
    // The interval is the estimate ± t(0.975, 8) = 2.306004 robust standard errors.
    expect(result.levelChange.upper - result.levelChange.value).toBeCloseTo(
      2.306004 * result.levelChange.standardError,
      5,
    );
  });

  it("says there is too little data below six points on a side, and leaves out the transition month", () => {
    const points = series("2024-01", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(interruptedTimeSeries(points, "2024-06")).toMatchObject({
      status: "too_little_data",
      pointsBefore: 5,
      pointsAfter: 7,
      minimumBefore: 6,
      minimumAfter: 6,
    });
    expect(interruptedTimeSeries(points, "2024-07", "2024-06")).toMatchObject({
      status: "too_little_data",
      pointsBefore: 5,
      pointsAfter: 6,
    });
    expect(interruptedTimeSeries(points, "2024-07").status).toBe("estimated");
  });

  it("gives b2 and b3 back from an exact linear series with a known jump", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 40 }),
        fc.integer({ min: 6, max: 40 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (before, after, b0, b1, b2, b3) => {
          const values = Array.from({ length: before + after }, (_, t) =>
            t < before ? b0 + b1 * t : b0 + b1 * t + b2 + b3 * (t - before),
          );
          const result = estimated(
            interruptedTimeSeries(series("2020-01", values), monthAt(monthIndex("2020-01") + before)),
          );
          const scale =
            1 + Math.abs(b0) + Math.abs(b1) * (before + after) + Math.abs(b2) + Math.abs(b3) * after;
          expect(Math.abs(result.levelChange.value - b2)).toBeLessThan(1e-8 * scale);
          expect(Math.abs(result.slopeChange.value - b3)).toBeLessThan(1e-8 * scale);
          expect(Math.abs(result.slopeBefore.value - b1)).toBeLessThan(1e-8 * scale);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("agrees with the plain computation on random series, with gaps", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 14, maxLength: 60 }),
        fc.integer({ min: 10, max: 50 }),
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 60, maxLength: 60 }),
        (offsets, changeOffset, noise) => {
          const start = monthIndex("2019-01");
          const points = [...offsets]
            .sort((a, b) => a - b)
            .map((offset) => ({
              month: monthAt(start + offset),
              value: 3 * offset + (noise[offset] as number),
            }));
          const changeMonth = monthAt(start + changeOffset);
          const result = interruptedTimeSeries(points, changeMonth);
          const before = points.filter((point) => point.month < changeMonth).length;
          if (before < 6 || points.length - before < 6) {
            expect(result.status).toBe("too_little_data");
            return;
          }
          const fast = estimated(result);
          const direct = directComputation(points, changeMonth);
          const estimates = [fast.intercept, fast.slopeBefore, fast.levelChange, fast.slopeChange];
          // Near an exact fit a variance is a difference of rounded sums of squares, whose rounding is of
          // the order of the squared values times the machine's precision (and its root magnifies it):
          // variances are compared, with that floor.
          const largest = Math.max(...points.map((point) => Math.abs(point.value)));
          const close = (a: number, b: number, floor = 0) =>
            expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(b)) + floor);
          const varianceFloor = 1e-12 * largest * largest;
          estimates.forEach((one, i) => {
            close(one.value, direct.beta[i] as number);
            close(one.standardError ** 2, (direct.robustErrors[i] as number) ** 2, varianceFloor);
            close(one.olsStandardError ** 2, (direct.olsErrors[i] as number) ** 2, varianceFloor);
          });
        },
      ),
      {
        numRuns: 80,
        // A near-exact fit before the change, where standard errors are roots of rounded differences.
        examples: [
          [
            [0, 1, 4, 5, 45, 30, 6, 25, 3, 22, 21, 32, 37, 31],
            10,
            Array.from({ length: 60 }, (_, offset) => (offset === 30 ? 998.98 : offset === 31 ? 999.5 : 0)),
          ],
        ],
      },
    );
  });
});

describe("studentTQuantile", () => {
  it("matches the printed table of two-sided 95 % values", () => {
    const table: Array<[number, number]> = [
      [1, 12.706205],
      [2, 4.302653],
      [8, 2.306004],
      [10, 2.228139],
      [30, 2.042272],
      [120, 1.97993],
    ];
    for (const [df, value] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(value, 5);
    expect(studentTDistribution(0, 5)).toBeCloseTo(0.5, 12);
    expect(studentTDistribution(-2.306004, 8)).toBeCloseTo(0.025, 6);
  });
});
