import { DomainError, NotFoundError } from "../../../../platform/errors/index.js";
import { findAgencyById } from "../../../access/index.js";
import {
  addMonthsToMonth,
  evaluateIndicator,
  loadSeriesResolver,
  periodMidpoint,
  progressTowardsTarget,
} from "../../../statistics/index.js";
import { authorizeIndicatorReading } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import {
  asStatisticsDefinition,
  firstMonthInForce,
  type LocalisedText,
  type PolicyIndicator,
} from "../indicator-record.js";
import { findIndicatorByCode, valuesBetween } from "../indicator-repository.js";
import {
  type InterruptedSeriesResult,
  interruptedTimeSeries,
  monthIndex,
} from "../its/segmented-regression.js";

/** Longest range read at once: twenty years of months. */
export const maximumMonths = 240;

export interface IndicatorPoint {
  /** YYYY-MM. */
  period: string;
  /** Null when there is no value: nothing entered, or a rate over a zero denominator. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Where an entered value comes from. */
  source: string | null;
}

export interface IndicatorReading {
  indicator: PolicyIndicator;
  agency: { code: string; names: LocalisedText } | null;
  months: string[];
  points: IndicatorPoint[];
  /** The straight path from the baseline to the target, per month; null before the baseline. */
  trajectory: Array<{ period: string; value: number | null }>;
  /** The latest value against the trajectory; null without a value or without baseline and target. */
  progress: { period: string; value: number; share: number | null; onTrack: boolean | null } | null;
  /** One interrupted-time-series estimate per policy change, oldest first. */
  changes: Array<{ date: string; result: InterruptedSeriesResult }>;
}

/** The months `from` to `to` (YYYY-MM), refused (422) when reversed or longer than `maximumMonths`. */
export function monthsBetween(from: string, to: string): string[] {
  const count = monthIndex(to) - monthIndex(from) + 1;
  if (count < 1 || count > maximumMonths)
    throw new DomainError("policy_indicator_bad_range", 422, "policyIndicators.errors.range");
  return Array.from({ length: count }, (_, offset) => addMonthsToMonth(from, offset));
}

/** The value on the straight path from baseline to target at a month; the target once its period is past. */
export function trajectoryAt(
  indicator: Pick<PolicyIndicator, "baseline" | "target">,
  month: string,
): number | null {
  const { baseline, target } = indicator;
  if (!baseline || !target) return null;
  const start = periodMidpoint(baseline.period);
  const end = periodMidpoint(target.period);
  const share = (periodMidpoint(month) - start) / (end - start);
  if (share < 0) return null;
  if (share >= 1) return target.value;
  return baseline.value + share * (target.value - baseline.value);
}

async function pointsOf(context: IndicatorContext, indicator: PolicyIndicator, months: string[]) {
  if (indicator.kind === "entered" || !indicator.numerator) {
    const entered = new Map(
      (await valuesBetween(context.db, indicator.id, months[0] as string, months.at(-1) as string)).map(
        (one) => [one.period, one],
      ),
    );
    return months.map((period): IndicatorPoint => {
      const value = entered.get(period);
      return {
        period,
        value: value?.value ?? null,
        numerator: null,
        denominator: null,
        source: value?.source ?? null,
      };
    });
  }
  // Computed from the cubes at each reading, so every new month of statistics shows at once.
  const refs = indicator.denominator ? [indicator.numerator, indicator.denominator] : [indicator.numerator];
  const resolve = await loadSeriesResolver(context.db, refs, months);
  return evaluateIndicator(asStatisticsDefinition(indicator), resolve, months).map(
    (one): IndicatorPoint => ({ ...one, source: null }),
  );
}

/** An indicator's series over months `from` to `to` with its trajectory, progress and policy-change estimates. */
export async function readIndicator(
  context: IndicatorContext,
  code: string,
  range: { from: string; to: string },
): Promise<IndicatorReading> {
  await authorizeIndicatorReading(context);
  const indicator = await findIndicatorByCode(context.db, code);
  if (!indicator) throw new NotFoundError("policy_indicator_not_found");
  const months = monthsBetween(range.from, range.to);
  const [points, agency] = await Promise.all([
    pointsOf(context, indicator, months),
    findAgencyById(context.db, indicator.responsibleAgencyId),
  ]);
  const observed = points.flatMap((point) =>
    point.value === null ? [] : [{ month: point.period, value: point.value }],
  );
  const latest = observed.at(-1);
  const progress = latest
    ? {
        period: latest.month,
        value: latest.value,
        ...progressTowardsTarget(asStatisticsDefinition(indicator), {
          period: latest.month,
          value: latest.value,
        }),
      }
    : null;
  return {
    indicator,
    agency: agency ? { code: agency.code, names: agency.names } : null,
    months,
    points,
    trajectory: months.map((period) => ({ period, value: trajectoryAt(indicator, period) })),
    progress: progress && indicator.baseline && indicator.target ? progress : null,
    changes: indicator.policyChanges.map((date) => {
      const { month, transition } = firstMonthInForce(date);
      return { date, result: interruptedTimeSeries(observed, month, transition ?? undefined) };
    }),
  };
}
