import { isCountryCode } from "../../../platform/reference/index.js";
import type {
  CaseTypeDefinition,
  FieldDefinition,
  PageDefinition,
  ScalarFieldDefinition,
} from "./case-type.js";
import { conditionHolds } from "./conditions.js";

/** A problem with one answer; `messageKey` is a translation key, `field` the answer's path. */
export interface AnswerProblem {
  field: string;
  messageKey: string;
}

export interface AnswerCheck {
  /** The answers, cleaned (trimmed, typed); questions that do not apply are left out. */
  answers: Record<string, unknown>;
  problems: AnswerProblem[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function validDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Checks one scalar answer; returns the cleaned value or a problem key. */
function checkScalar(
  field: ScalarFieldDefinition,
  raw: unknown,
  today: string,
): { value?: unknown; problem?: string } {
  if (isEmpty(raw)) return field.required ? { problem: "cases.answers.required" } : {};
  switch (field.kind) {
    case "text":
    case "textarea": {
      const value = String(raw).trim();
      if (value.length > field.maxLength) return { problem: "cases.answers.tooLong" };
      if (field.kind === "text" && field.pattern && !new RegExp(field.pattern).test(value)) {
        return { problem: "cases.answers.pattern" };
      }
      return { value };
    }
    case "email": {
      const value = String(raw).trim().toLowerCase();
      return email.test(value) ? { value } : { problem: "cases.answers.email" };
    }
    case "number": {
      const value = typeof raw === "number" ? raw : Number(String(raw).trim());
      if (!Number.isFinite(value)) return { problem: "cases.answers.number" };
      if (field.min !== undefined && value < field.min) return { problem: "cases.answers.tooSmall" };
      if (field.max !== undefined && value > field.max) return { problem: "cases.answers.tooLarge" };
      return { value };
    }
    case "date": {
      const value = String(raw).trim();
      if (!validDate(value)) return { problem: "cases.answers.date" };
      if (field.when === "past" && value > today) return { problem: "cases.answers.datePast" };
      if (field.when === "future" && value < today) return { problem: "cases.answers.dateFuture" };
      return { value };
    }
    case "select":
    case "radios": {
      const value = String(raw);
      return field.options.some((option) => option.value === value)
        ? { value }
        : { problem: "cases.answers.choose" };
    }
    case "country": {
      const value = String(raw).trim().toUpperCase();
      return isCountryCode(value) ? { value } : { problem: "cases.answers.country" };
    }
    case "documentNumber": {
      const value = String(raw).replace(/\s+/g, "").toUpperCase();
      return /^[A-Z0-9]{5,20}$/.test(value) ? { value } : { problem: "cases.answers.documentNumber" };
    }
    case "address": {
      if (typeof raw !== "object" || raw === null) return { problem: "cases.answers.address" };
      const parts = raw as Record<string, unknown>;
      const street = String(parts.street ?? "").trim();
      const city = String(parts.city ?? "").trim();
      if (!street || !city) return { problem: "cases.answers.address" };
      if (street.length > 200 || city.length > 100) return { problem: "cases.answers.tooLong" };
      return {
        value: {
          street,
          city,
          region: String(parts.region ?? "").trim(),
          postcode: String(parts.postcode ?? "").trim(),
        },
      };
    }
  }
}

function checkField(
  field: FieldDefinition,
  raw: unknown,
  today: string,
  answers: Record<string, unknown>,
  result: AnswerCheck,
): void {
  if (!conditionHolds(field.showWhen, answers)) return;
  if (field.kind !== "group") {
    const checked = checkScalar(field, raw, today);
    if (checked.problem) result.problems.push({ field: field.name, messageKey: checked.problem });
    else if (checked.value !== undefined) result.answers[field.name] = checked.value;
    return;
  }
  const items = Array.isArray(raw) ? raw : [];
  if (items.length < field.minItems) {
    result.problems.push({ field: field.name, messageKey: "cases.answers.tooFewItems" });
  }
  if (items.length > field.maxItems) {
    result.problems.push({ field: field.name, messageKey: "cases.answers.tooManyItems" });
    return;
  }
  const cleaned = items.map((item, index) => {
    const values = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const inner of field.fields) {
      const checked = checkScalar(inner, values[inner.name], today);
      if (checked.problem) {
        result.problems.push({ field: `${field.name}.${index}.${inner.name}`, messageKey: checked.problem });
      } else if (checked.value !== undefined) out[inner.name] = checked.value;
    }
    return out;
  });
  result.answers[field.name] = cleaned;
}

/** The pages that apply to these answers (a page can depend on an earlier answer). */
export function visiblePages(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): PageDefinition[] {
  return definition.form.filter((page) => conditionHolds(page.showWhen, answers));
}

/**
 * Checks answers against the form: every page (submission), or one page (saving a page).
 * `today` is the legal date used for past/future date rules.
 */
export function checkAnswers(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  today: string,
  onlyPage?: string,
): AnswerCheck {
  const result: AnswerCheck = { answers: {}, problems: [] };
  for (const page of visiblePages(definition, answers)) {
    if (onlyPage && page.id !== onlyPage) continue;
    for (const field of page.fields) checkField(field, answers[field.name], today, answers, result);
  }
  return result;
}

/** Document codes this case needs, given its answers. */
export function requiredDocuments(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): string[] {
  return definition.documents
    .filter((document) => conditionHolds(document.requiredWhen, answers))
    .map((document) => document.code);
}
