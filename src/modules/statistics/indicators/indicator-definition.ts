import { z } from "zod";

const localisedText = z.object({ az: z.string().min(1), en: z.string().min(1), ru: z.string().min(1) });

/** A year (YYYY) or a month (YYYY-MM): baselines and targets are often set for a whole year. */
export const indicatorPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "period as YYYY or YYYY-MM");

/** Which series the caller should sum for a period, narrowed by dimension values such as { sex: "F" }. */
export const seriesRefSchema = z.object({
  series: z.string().min(1),
  filter: z.record(z.string(), z.string()).optional(),
});
export type SeriesRef = z.infer<typeof seriesRefSchema>;

export const indicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case code"),
    name: localisedText,
    numerator: seriesRefSchema,
    denominator: seriesRefSchema.optional(),
    /** 100 for a percentage, 100000 for a rate per 100,000, 1 for a plain ratio or count. */
    factor: z.number().finite().positive(),
    unit: localisedText,
    baseline: z.object({ period: indicatorPeriod, value: z.number().finite() }).optional(),
    target: z
      .object({ period: indicatorPeriod, value: z.number().finite(), direction: z.enum(["up", "down"]) })
      .optional(),
  })
  .superRefine((definition, context) => {
    const { baseline, target } = definition;
    if (!baseline || !target) return;
    // Zod still runs this refinement when a period failed its own check; that failure is reported already.
    const wellFormed = [baseline.period, target.period].every(
      (period) => indicatorPeriod.safeParse(period).success,
    );
    if (!wellFormed) return;
    // A target that lies behind the baseline, or points the other way, would make progress meaningless.
    if (periodMidpoint(target.period) <= periodMidpoint(baseline.period)) {
      context.addIssue({
        code: "custom",
        path: ["target", "period"],
        message: "the target must come after the baseline",
      });
    }
    const rises = target.value > baseline.value;
    const falls = target.value < baseline.value;
    if ((target.direction === "up" && !rises) || (target.direction === "down" && !falls)) {
      context.addIssue({
        code: "custom",
        path: ["target", "direction"],
        message: `a target going ${target.direction} must be ${target.direction === "up" ? "above" : "below"} the baseline`,
      });
    }
  });
export type IndicatorDefinition = z.infer<typeof indicatorSchema>;

export function parseIndicator(input: unknown): IndicatorDefinition {
  return indicatorSchema.parse(input);
}

/**
 * Places a period on a common time axis in months: a month at its middle, a year at its middle (so
 * "2025" sits at the turn of June and July 2025). Annual baselines and monthly observations can then be
 * compared without pretending a year value belongs to January or December.
 */
export function periodMidpoint(period: string): number {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(period);
  if (!match) throw new RangeError(`expected a period as YYYY or YYYY-MM, got "${period}"`);
  const year = Number(match[1]);
  return match[2] === undefined ? year * 12 + 6 : year * 12 + Number(match[2]) - 1 + 0.5;
}
