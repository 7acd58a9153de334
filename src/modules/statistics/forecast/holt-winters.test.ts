import { describe, expect, it } from "vitest";
import {
  dampedSum,
  fitHoltWinters,
  forecastHoltWinters,
  forecastVariances,
  type HoltWintersFit,
  initialStates,
} from "./holt-winters.js";

const SEASON = [-30, -20, -5, 10, 25, 35, 30, 15, 0, -15, -25, -20];

function fitWith(alpha: number, beta: number, gamma: number, phi: number): HoltWintersFit {
  const states = { level: 0, trend: 0, seasonal: new Array<number>(12).fill(0) };
  return {
    damped: phi < 1,
    parameters: { alpha, beta, gamma, phi },
    initial: states,
    final: states,
    observations: 48,
    sse: 0,
    sigma2: 4,
    aicc: 0,
  };
}

describe("initialStates", () => {
  it("recovers level, trend and season exactly from a noise-free series", () => {
    const values = Array.from({ length: 24 }, (_, t) => 100 + 2 * (t + 1) + (SEASON[t % 12] ?? 0));
    const states = initialStates(values);
    expect(states.level).toBeCloseTo(100, 9);
    expect(states.trend).toBeCloseTo(2, 9);
    for (const [position, value] of states.seasonal.entries()) {
      expect(value).toBeCloseTo(SEASON[position] ?? 0, 9);
    }
  });

  it("needs two full seasons", () => {
    expect(() => initialStates(new Array<number>(23).fill(1))).toThrow(RangeError);
  });
});

describe("forecastVariances", () => {
  const sigma2 = 4;
  const m = 12;

  it("equals the closed form for ETS(A,A,A) (Hyndman et al. 2008, table 6.1)", () => {
    const [alpha, beta, gamma] = [0.3, 0.05, 0.2];
    const variances = forecastVariances(fitWith(alpha, beta, gamma, 1), 40);
    variances.forEach((variance, index) => {
      const h = index + 1;
      const k = Math.floor((h - 1) / m);
      const closed =
        sigma2 *
        (1 +
          (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6) +
          gamma * k * (2 * alpha + gamma + beta * m * (k + 1)));
      expect(variance, `h=${h}`).toBeCloseTo(closed, 9);
    });
  });

  it("equals the closed form for ETS(A,Ad,A)", () => {
    const [alpha, beta, gamma, phi] = [0.4, 0.1, 0.15, 0.9];
    const variances = forecastVariances(fitWith(alpha, beta, gamma, phi), 40);
    variances.forEach((variance, index) => {
      const h = index + 1;
      const k = Math.floor((h - 1) / m);
      const closed =
        sigma2 *
        (1 +
          alpha ** 2 * (h - 1) +
          gamma * k * (2 * alpha + gamma) +
          ((beta * phi * h) / (1 - phi) ** 2) * (2 * alpha * (1 - phi) + beta * phi) -
          ((beta * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi ** 2))) *
            (2 * alpha * (1 - phi ** 2) + beta * phi * (1 + 2 * phi - phi ** h)) +
          ((2 * beta * gamma * phi) / ((1 - phi) * (1 - phi ** m))) *
            (k * (1 - phi ** m) - phi ** m * (1 - phi ** (m * k))));
      expect(variance, `h=${h}`).toBeCloseTo(closed, 9);
    });
  });

  it("starts at sigma squared one step ahead", () => {
    expect(forecastVariances(fitWith(0.5, 0.1, 0.1, 1), 1)).toEqual([sigma2]);
  });
});

describe("dampedSum", () => {
  it("is h without damping and a geometric sum with it", () => {
    expect(dampedSum(1, 7)).toBe(7);
    expect(dampedSum(0.5, 3)).toBeCloseTo(0.5 + 0.25 + 0.125, 12);
  });
});

describe("fitHoltWinters", () => {
  const values = Array.from(
    { length: 60 },
    (_, t) => 500 + 4 * t + 3 * (SEASON[t % 12] ?? 0) + ((t * 7919) % 11) - 5,
  );

  it("keeps the parameters in the admissible region", () => {
    for (const damped of [false, true]) {
      const { alpha, beta, gamma, phi } = fitHoltWinters(values, { damped }).parameters;
      expect(alpha).toBeGreaterThan(0);
      expect(alpha).toBeLessThan(1);
      expect(beta).toBeGreaterThanOrEqual(0);
      expect(beta).toBeLessThanOrEqual(alpha);
      expect(gamma).toBeGreaterThanOrEqual(0);
      expect(gamma).toBeLessThanOrEqual(1 - alpha);
      if (damped) expect(phi).toBeGreaterThanOrEqual(0.8);
      if (damped) expect(phi).toBeLessThanOrEqual(0.98);
      else expect(phi).toBe(1);
    }
  });

  it("fits a 60-month series well within 100 ms", () => {
    fitHoltWinters(values);
    const timings = [0, 1, 2].map(() => {
      const started = performance.now();
      fitHoltWinters(values, { damped: true });
      return performance.now() - started;
    });
    expect(Math.min(...timings)).toBeLessThan(100);
  });

  it("continues a noise-free series exactly", () => {
    const clean = Array.from({ length: 36 }, (_, t) => 100 + 2 * (t + 1) + (SEASON[t % 12] ?? 0));
    const fit = fitHoltWinters(clean);
    forecastHoltWinters(fit, 12).forEach((value, index) => {
      const t = 36 + index;
      expect(value).toBeCloseTo(100 + 2 * (t + 1) + (SEASON[t % 12] ?? 0), 6);
    });
  });
});
