import type { z } from "zod";
import type { Translator } from "./i18n.js";

/** One error shaped for govukErrorSummary (href points at the field) and for the field itself. */
export interface FieldError {
  field: string;
  href: string;
  text: string;
}

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldError[]; byField: Record<string, string> };

/**
 * Validates a submitted form. Zod issue messages are translation keys (e.g. "access.errors.emailInvalid"),
 * so one schema serves the API (machine codes) and the pages (translated messages).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  t: Translator,
): FormResult<z.output<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldError[] = [];
  const byField: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    if (byField[field]) continue;
    const text =
      issue.message.includes(".") && !issue.message.includes(" ")
        ? t(issue.message)
        : t("errors.invalid_value");
    byField[field] = text;
    errors.push({ field, href: `#${field.replaceAll(".", "-")}`, text });
  }
  return { ok: false, errors, byField };
}

/** A single error not tied to a Zod schema (for example "wrong e-mail or password"). */
export function formError(field: string, text: string): FormResult<never> {
  return { ok: false, errors: [{ field, href: `#${field}`, text }], byField: { [field]: text } };
}
