import type { Locale, Translator } from "../../../platform/http/index.js";
import { formatDate } from "../../../platform/locale/index.js";
import { countryName, regionName } from "../../../platform/reference/index.js";
import type {
  CaseTypeDefinition,
  FieldDefinition,
  PageDefinition,
  ScalarFieldDefinition,
} from "../definition/case-type.js";
import { conditionHolds } from "../definition/conditions.js";
import { visiblePages } from "../definition/validate-answers.js";

/** A legal date (YYYY-MM-DD) or an instant as a long date in the reader's language. */
export function formatLongDate(value: string | Date, locale: Locale): string {
  return formatDate(value, locale);
}

function scalarLines(field: ScalarFieldDefinition, value: unknown, locale: Locale): string[] {
  if (value === undefined || value === null || value === "") return [];
  switch (field.kind) {
    case "select":
    case "radios":
      return [field.options.find((option) => option.value === value)?.label[locale] ?? String(value)];
    case "country":
      return [countryName(String(value), locale)];
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? [formatLongDate(String(value), locale)] : [];
    case "address": {
      const parts = value as Record<string, unknown>;
      const part = (name: string) => String(parts[name] ?? "").trim();
      // The region is stored as a code of the region list; people read its name.
      const region = part("region");
      return [part("street"), part("city"), region && regionName(region, locale), part("postcode")].filter(
        (line) => line !== "",
      );
    }
    default:
      return [String(value)];
  }
}

/** An answer as lines of text for people (option labels, country names, dates in their language). */
export function answerLines(field: FieldDefinition, value: unknown, locale: Locale, t: Translator): string[] {
  if (field.kind !== "group") return scalarLines(field, value, locale);
  const items = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
  return items.map((item, index) => {
    const parts = field.fields
      .map((inner) => {
        const lines = scalarLines(inner, item[inner.name], locale);
        return lines.length > 0 ? `${inner.label[locale]}: ${lines.join(", ")}` : undefined;
      })
      .filter((part): part is string => part !== undefined);
    return `${t("portal.form.groupItem", { label: field.label[locale], number: index + 1 })}: ${parts.join("; ")}`;
  });
}

export interface AnsweredQuestion {
  field: FieldDefinition;
  label: string;
  lines: string[];
}

export interface AnsweredPage {
  page: PageDefinition;
  title: string;
  questions: AnsweredQuestion[];
}

/** The questions that apply to these answers, page by page, with the answers given. */
export function answeredPages(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  locale: Locale,
  t: Translator,
): AnsweredPage[] {
  return visiblePages(definition, answers).map((page) => ({
    page,
    title: page.title[locale],
    questions: page.fields
      .filter((field) => conditionHolds(field.showWhen, answers))
      .map((field) => ({
        field,
        label: field.label[locale],
        lines: answerLines(field, answers[field.name], locale, t),
      })),
  }));
}

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Lines as HTML for a summary list value: every line escaped, joined with line breaks. */
export function linesHtml(lines: string[]): string {
  return lines
    .map((line) => line.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? ""))
    .join("<br>");
}
