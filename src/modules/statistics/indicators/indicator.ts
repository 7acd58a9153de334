import { type IndicatorDefinition, periodMidpoint, type SeriesRef } from "./indicator-definition.js";

export interface IndicatorValue {
  period: string;
  /** factor × numerator / denominator; null when the denominator is 0 (a rate of nothing is undefined). */
  value: number | null;
  numerator: number;
  /** Null for indicators without a denominator, which are the numerator scaled by the factor. */
  denominator: number | null;
}

export function evaluateIndicator(
  definition: IndicatorDefinition,
  resolve: (ref: SeriesRef, period: string) => number,
  periods: readonly string[],
): IndicatorValue[] {
  return periods.map((period) => {
    const numerator = resolve(definition.numerator, period);
    if (!definition.denominator)
      return { period, value: numerator * definition.factor, numerator, denominator: null };
    const denominator = resolve(definition.denominator, period);
    const value = denominator === 0 ? null : (definition.factor * numerator) / denominator;
    return { period, value, numerator, denominator };
  });
}

export interface TargetProgress {
  /**
   * Share of the distance from baseline to target covered: 0 at the baseline, 1 on the target, negative
   * when the indicator moved away from the target, above 1 when it overshot. Not clipped, so callers can
   * tell "stalled" from "went backwards"; clip for display.
   */
  share: number | null;
  /** Null without both a baseline and a target. */
  onTrack: boolean | null;
}

/**
 * On track means on or beyond the straight line from the baseline to the target: at a time a fraction f
 * of the way between the baseline and target periods, at least a share f of the distance must be
 * covered. A linear path is the simplest trajectory that needs no assumption about how the indicator
 * ought to evolve, and it is what a reader checking "halfway through, halfway there" expects. Before the
 * baseline the required share is 0, and after the target period it is 1 (the target must be reached).
 */
export function progressTowardsTarget(
  definition: IndicatorDefinition,
  latest: { period: string; value: number },
): TargetProgress {
  const { baseline, target } = definition;
  if (!baseline || !target || target.value === baseline.value) return { share: null, onTrack: null };
  const share = (latest.value - baseline.value) / (target.value - baseline.value);
  const start = periodMidpoint(baseline.period);
  const end = periodMidpoint(target.period);
  if (end <= start) return { share, onTrack: null };
  const elapsed = Math.min(1, Math.max(0, (periodMidpoint(latest.period) - start) / (end - start)));
  // The tolerance absorbs floating-point noise so that a value exactly on the line counts as on track.
  return { share, onTrack: share >= elapsed - 1e-9 };
}
