import { z } from "zod";
import { isLegalDate } from "../../../platform/calendar/index.js";
import { cubeTables, indicatorPeriod, periodMidpoint, type SeriesRef } from "../../statistics/index.js";

/** The series a formula may name: each cube's count, and the processing days kept beside the count. */
export const seriesOptions: readonly string[] = [...Object.keys(cubeTables), "processing.total"];
const filterColumns = ["citizen", "d1", "d2", "d3"];

const required = (max: number, message: string) =>
  z.string({ message }).trim().min(1, message).max(max, message);

/** A decimal number as people type it, with a point or a comma. */
const decimal = (message: string) =>
  z
    .string({ message })
    .trim()
    .min(1, message)
    .transform((value) => Number(value.replace(",", ".").replaceAll(" ", "")))
    .refine((value) => Number.isFinite(value), message);

const optionalDecimal = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || Number.isFinite(Number(value.replace(",", "."))), message)
    .transform((value) => (value === "" ? null : Number(value.replace(",", "."))));

const optionalPeriod = z
  .string()
  .trim()
  .refine(
    (value) => value === "" || indicatorPeriod.safeParse(value).success,
    "policyIndicators.errors.period",
  );

/**
 * A filter as typed: `d1=GENCONV|SUB_PROT; citizen=SY` (a column, `=`, codes separated by `|`;
 * conditions separated by `;`). Null when it cannot be read.
 */
export function parseFilter(text: string): Record<string, string> | null {
  const filter: Record<string, string> = {};
  for (const part of text.split(";").map((one) => one.trim())) {
    if (part === "") continue;
    const match = /^([a-z0-9]+)\s*=\s*([A-Za-z0-9_|.-]+)$/.exec(part);
    if (!match || !filterColumns.includes(match[1] as string) || (match[1] as string) in filter) return null;
    filter[match[1] as string] = match[2] as string;
  }
  return filter;
}

export function filterText(ref: SeriesRef | null): string {
  return Object.entries(ref?.filter ?? {})
    .map(([column, codes]) => `${column}=${codes}`)
    .join("; ");
}

const seriesChoice = z
  .string()
  .trim()
  .refine((value) => value === "" || seriesOptions.includes(value), "policyIndicators.errors.series");
const filterField = z
  .string()
  .trim()
  .max(500, "policyIndicators.errors.filter")
  .refine((value) => parseFilter(value) !== null, "policyIndicators.errors.filter");

function seriesRef(series: string, filter: string): SeriesRef | null {
  if (series === "") return null;
  const parsed = parseFilter(filter) ?? {};
  return Object.keys(parsed).length > 0 ? { series, filter: parsed } : { series };
}

/** The definition form of an indicator. */
export const indicatorFormSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "policyIndicators.errors.code")
      .max(80, "policyIndicators.errors.code")
      // "new" is the address of the definition form.
      .refine((code) => code !== "new", "policyIndicators.errors.code"),
    nameAz: required(300, "policyIndicators.errors.name"),
    nameEn: required(300, "policyIndicators.errors.name"),
    nameRu: required(300, "policyIndicators.errors.name"),
    kind: z.enum(["computed", "entered"], "policyIndicators.errors.kind"),
    numeratorSeries: seriesChoice,
    numeratorFilter: filterField,
    denominatorSeries: seriesChoice,
    denominatorFilter: filterField,
    factor: optionalDecimal("policyIndicators.errors.factor"),
    unitAz: required(40, "policyIndicators.errors.unit"),
    unitEn: required(40, "policyIndicators.errors.unit"),
    unitRu: required(40, "policyIndicators.errors.unit"),
    baselinePeriod: optionalPeriod,
    baselineValue: optionalDecimal("policyIndicators.errors.value"),
    targetPeriod: optionalPeriod,
    targetValue: optionalDecimal("policyIndicators.errors.value"),
    targetDirection: z.enum(["", "up", "down"], "policyIndicators.errors.direction"),
    responsibleAgency: required(40, "policyIndicators.errors.agency"),
    policyChanges: z
      .string()
      .max(2000, "policyIndicators.errors.policyChanges")
      .transform((value) => value.split(/[\s,;]+/).filter((one) => one !== ""))
      .refine((dates) => dates.every((date) => isLegalDate(date)), "policyIndicators.errors.policyChanges")
      .transform((dates) => [...new Set(dates)].sort()),
  })
  .superRefine((form, issues) => {
    const issue = (path: string, message: string) =>
      issues.addIssue({ code: "custom", path: [path], message });
    if (form.kind === "computed" && form.numeratorSeries === "")
      issue("numeratorSeries", "policyIndicators.errors.numeratorRequired");
    if (form.kind === "computed" && (form.factor === null || form.factor <= 0))
      issue("factor", "policyIndicators.errors.factor");
    const hasBaseline = form.baselinePeriod !== "" || form.baselineValue !== null;
    const hasTarget = form.targetPeriod !== "" || form.targetValue !== null || form.targetDirection !== "";
    if (hasBaseline && (form.baselinePeriod === "" || form.baselineValue === null))
      issue(
        form.baselinePeriod === "" ? "baselinePeriod" : "baselineValue",
        "policyIndicators.errors.baselineIncomplete",
      );
    if (hasTarget && (form.targetPeriod === "" || form.targetValue === null || form.targetDirection === ""))
      issue(
        form.targetPeriod === ""
          ? "targetPeriod"
          : form.targetValue === null
            ? "targetValue"
            : "targetDirection",
        "policyIndicators.errors.targetIncomplete",
      );
    if (hasTarget && !hasBaseline) issue("baselinePeriod", "policyIndicators.errors.targetWithoutBaseline");
    if (
      !form.baselinePeriod ||
      !form.targetPeriod ||
      form.baselineValue === null ||
      form.targetValue === null
    )
      return;
    // The same rules as the statistics module's indicators: a target after the baseline, and on the
    // side its direction says, or progress towards it would mean nothing.
    if (periodMidpoint(form.targetPeriod) <= periodMidpoint(form.baselinePeriod))
      issue("targetPeriod", "policyIndicators.errors.targetBeforeBaseline");
    const rises = form.targetValue > form.baselineValue;
    const falls = form.targetValue < form.baselineValue;
    if ((form.targetDirection === "up" && !rises) || (form.targetDirection === "down" && !falls))
      issue("targetDirection", "policyIndicators.errors.directionMismatch");
  })
  .transform((form) => ({
    code: form.code,
    names: { az: form.nameAz, en: form.nameEn, ru: form.nameRu },
    kind: form.kind,
    numerator: form.kind === "computed" ? seriesRef(form.numeratorSeries, form.numeratorFilter) : null,
    denominator: form.kind === "computed" ? seriesRef(form.denominatorSeries, form.denominatorFilter) : null,
    factor: form.kind === "computed" ? (form.factor ?? 1) : 1,
    unit: { az: form.unitAz, en: form.unitEn, ru: form.unitRu },
    baseline:
      form.baselinePeriod && form.baselineValue !== null
        ? { period: form.baselinePeriod, value: form.baselineValue }
        : null,
    target:
      form.targetPeriod &&
      form.targetValue !== null &&
      (form.targetDirection === "up" || form.targetDirection === "down")
        ? { period: form.targetPeriod, value: form.targetValue, direction: form.targetDirection }
        : null,
    responsibleAgencyCode: form.responsibleAgency,
    policyChanges: form.policyChanges,
  }));
export type IndicatorForm = z.output<typeof indicatorFormSchema>;

/** A month's value of an entered indicator, with its source. */
export const valueFormSchema = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "policyIndicators.errors.month"),
  value: decimal("policyIndicators.errors.value"),
  source: required(500, "policyIndicators.errors.source"),
});
export type ValueForm = z.output<typeof valueFormSchema>;
