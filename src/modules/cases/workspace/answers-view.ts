import type { Locale } from "../../../platform/http/index.js";
import { countryName, regionName } from "../../../platform/reference/index.js";
import type { CaseTypeDefinition, FieldDefinition, ScalarFieldDefinition } from "../definition/case-type.js";
import { conditionHolds } from "../definition/conditions.js";
import { visiblePages } from "../definition/validate-answers.js";

/** One answer as the officer reads it: the question's label and the answer in words. */
export interface AnswerRow {
  label: string;
  /** "date" values are legal dates (YYYY-MM-DD) the template formats in the reader's language. */
  kind: "text" | "date" | "lines" | "items";
  text: string;
  lines: string[];
  items: AnswerRow[][];
}

export interface AnswerSection {
  title: string;
  rows: AnswerRow[];
}

function scalarRow(field: ScalarFieldDefinition, value: unknown, locale: Locale): AnswerRow {
  const row: AnswerRow = { label: field.label[locale], kind: "text", text: "", lines: [], items: [] };
  switch (field.kind) {
    case "select":
    case "radios":
      return {
        ...row,
        text: field.options.find((option) => option.value === value)?.label[locale] ?? String(value),
      };
    case "country":
      return { ...row, text: countryName(String(value), locale) };
    case "date":
      return { ...row, kind: "date", text: String(value) };
    case "address": {
      const parts = (value ?? {}) as Record<string, unknown>;
      // The region is stored as a code of the region list; people read its name.
      const region = typeof parts.region === "string" && parts.region ? regionName(parts.region, locale) : "";
      const lines = [parts.street, parts.city, region, parts.postcode]
        .map((part) => (typeof part === "string" ? part.trim() : ""))
        .filter((part) => part.length > 0);
      return { ...row, kind: "lines", lines };
    }
    default:
      return { ...row, text: String(value) };
  }
}

/** Special-category answers the reader may not read (`access.sensitive`), and what is shown instead. */
export interface RestrictedAnswers {
  names: readonly string[];
  text: string;
}

function fieldRow(
  field: FieldDefinition,
  answers: Record<string, unknown>,
  locale: Locale,
  restricted?: RestrictedAnswers,
): AnswerRow | null {
  const value = answers[field.name];
  if (value === undefined || value === null || value === "") return null;
  if (restricted?.names.includes(field.name)) {
    return { label: field.label[locale], kind: "text", text: restricted.text, lines: [], items: [] };
  }
  if (field.kind !== "group") return scalarRow(field, value, locale);
  const entries = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
  return {
    label: field.label[locale],
    kind: "items",
    text: "",
    lines: [],
    items: entries.map((entry) =>
      field.fields.flatMap((inner) => {
        const innerValue = entry?.[inner.name];
        return innerValue === undefined || innerValue === null || innerValue === ""
          ? []
          : [scalarRow(inner, innerValue, locale)];
      }),
    ),
  };
}

/** The applicant's answers, page by page, with the labels of the case type's own form. */
export function answerSections(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  locale: Locale,
  restricted?: RestrictedAnswers,
): AnswerSection[] {
  return visiblePages(definition, answers)
    .map((page) => ({
      title: page.title[locale],
      rows: page.fields
        .filter((field) => conditionHolds(field.showWhen, answers))
        .map((field) => fieldRow(field, answers, locale, restricted))
        .filter((row): row is AnswerRow => row !== null),
    }))
    .filter((section) => section.rows.length > 0);
}

/** Only the named answers (what another agency's task may see), in the form's order. */
export function selectedAnswers(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  names: readonly string[],
  locale: Locale,
): AnswerRow[] {
  const wanted = new Set(names);
  return definition.form
    .flatMap((page) => page.fields)
    .filter((field) => wanted.has(field.name))
    .map((field) => fieldRow(field, answers, locale))
    .filter((row): row is AnswerRow => row !== null);
}

/** Document numbers in the answers (passports, identity cards), with where each sits. */
export function documentNumbersIn(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): Array<Record<string, unknown>> {
  const probes: Array<Record<string, unknown>> = [];
  for (const field of definition.form.flatMap((page) => page.fields)) {
    if (field.kind === "documentNumber" && typeof answers[field.name] === "string") {
      probes.push({ [field.name]: answers[field.name] });
    }
    if (field.kind === "group" && Array.isArray(answers[field.name])) {
      for (const inner of field.fields.filter((one) => one.kind === "documentNumber")) {
        for (const entry of answers[field.name] as Array<Record<string, unknown>>) {
          if (typeof entry?.[inner.name] === "string") {
            probes.push({ [field.name]: [{ [inner.name]: entry[inner.name] }] });
          }
        }
      }
    }
  }
  return probes;
}

/** The holder of an issued document, in the document's own terms. */
export interface DocumentHolder {
  /** The name as in the passport (the applicant's account name may be someone else's). */
  name: string | null;
  /** Legal date (YYYY-MM-DD). */
  birthDate: string | null;
  citizenship: string | null;
  /** The passport or travel document number given with the name. */
  travelDocumentNumber: string | null;
}

/**
 * The holder of an issued document as the document itself names them, for the permit PDF and
 * `/verify` alike: the name field (a text field with `autocomplete: "name"`, or named like
 * `fullName` / `guestFullName`: the name as in the passport), and beside it on the same form page
 * the birth date and the passport number; the citizenship (a country field named like
 * `citizenship` / `nationality`). Nothing else about the person.
 */
export function documentHolder(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  locale: Locale,
): DocumentHolder {
  const fields = definition.form.flatMap((page) => page.fields);
  const nameField =
    fields.find((field) => field.kind === "text" && field.autocomplete === "name") ??
    fields.find((field) => field.kind === "text" && /(^f|F)ullName$/.test(field.name));
  const holderPage = definition.form.find((page) => page.fields.some((field) => field === nameField));
  const besideName = holderPage?.fields ?? [];
  const birthField = besideName.find((field) => field.kind === "date" && /birth/i.test(field.name));
  const passportField = besideName.find((field) => field.kind === "documentNumber");
  const countryField =
    besideName.find((field) => field.kind === "country" && /citizenship|nationality/i.test(field.name)) ??
    fields.find((field) => field.kind === "country" && /citizenship|nationality/i.test(field.name));
  const answer = (field: FieldDefinition | undefined) => {
    const value = field ? answers[field.name] : undefined;
    return typeof value === "string" && value.trim() ? value.trim() : null;
  };
  const country = answer(countryField);
  return {
    name: answer(nameField),
    birthDate: answer(birthField),
    citizenship: country ? countryName(country, locale) : null,
    travelDocumentNumber: answer(passportField),
  };
}
