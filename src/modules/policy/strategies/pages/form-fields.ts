import { z } from "zod";
import { isLegalDate } from "../../../../platform/calendar/index.js";
import { checkText, safeText } from "../../../../platform/http/index.js";

/** Field rules the strategies' forms share; each refusal is a message key shown at its field. */

const hidden = "policyStrategies.errors.hiddenCharacters";

export function requiredText(required: string, max: number, multiline = false) {
  return safeText({ max, multiline, required, hidden, tooLong: "policyStrategies.errors.tooLong" });
}

/** Text that may be left empty: the output is null then. */
export function optionalText(max: number, multiline = false) {
  return z.unknown().transform((raw, context) => {
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return null;
    const checked = checkText(raw, { maxLength: max, multiline });
    if (checked.problem === undefined) return checked.value;
    context.addIssue({
      code: "custom",
      message: checked.problem === "tooLong" ? "policyStrategies.errors.tooLong" : hidden,
    });
    return z.NEVER;
  });
}

export const legalDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isLegalDate(value), message);

export function optionalDate(message: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isLegalDate(value)), message);
}

/** "1", "1.2", "1.2.3": the numbering of objectives, measures and actions in their document. */
export const planCode = z
  .string()
  .trim()
  .regex(/^[0-9]{1,3}(\.[0-9]{1,3}){0,3}$/, "policyStrategies.errors.codeInvalid");

/**
 * Indicator codes, one a line or separated by commas, as the indicators are named
 * ("asylum-recognition-rate"): only the format is checked here, not that the indicator exists.
 */
export const indicatorCodes = z
  .string()
  .optional()
  .transform((value) =>
    [
      ...new Set(
        (value ?? "")
          .split(/[\s,]+/)
          .map((one) => one.trim())
          .filter(Boolean),
      ),
    ].sort(),
  )
  .refine(
    (codes) =>
      codes.length <= 20 && codes.every((code) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) && code.length <= 80),
    "policyStrategies.errors.indicatorCodeInvalid",
  );

/** The values a form sent, as text, to show again beside the errors. */
export function typedValues(body: unknown, fields: readonly string[]): Record<string, string> {
  const form = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((field) => [field, typeof form[field] === "string" ? form[field] : ""]),
  );
}

/** A repeated field (checkboxes) as a list. */
export function listValue(body: unknown, field: string): string[] {
  const value = ((body ?? {}) as Record<string, unknown>)[field];
  if (Array.isArray(value)) return value.filter((one): one is string => typeof one === "string");
  return typeof value === "string" && value !== "" ? [value] : [];
}
