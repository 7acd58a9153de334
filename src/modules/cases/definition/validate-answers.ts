import { isCountryCode, isRegionCode } from "../../../platform/reference/index.js";
import { checkText } from "./answer-text.js";
import {
  type CaseTypeDefinition,
  type DateLimit,
  type FieldDefinition,
  type PageDefinition,
  plausibleDates,
  type ScalarFieldDefinition,
} from "./case-type.js";
import { conditionHolds } from "./conditions.js";

/** A problem with one answer; `messageKey` is a translation key, `field` the answer's path. */
export interface AnswerProblem {
  field: string;
  messageKey: string;
  /** Values the message names, e.g. the earliest date allowed. */
  values?: Record<string, string>;
}

export interface AnswerCheck {
  /** The answers, cleaned (trimmed, typed); questions that do not apply are left out. */
  answers: Record<string, unknown>;
  problems: AnswerProblem[];
}

type ScalarResult = { value?: unknown; problem?: string; values?: Record<string, string> };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const millisecondsPerDay = 86_400_000;

/** Nothing typed: no value, or white space only (invisible characters alone are refused as such). */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function validDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * millisecondsPerDay).toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`.replace(
    /-02-29$/,
    "-02-28",
  );
}

/** The day a limit stands for today, or undefined when it hangs on an answer that is not a date. */
function dayOfLimit(limit: DateLimit, today: string, answers: Record<string, unknown>): string | undefined {
  if ("day" in limit) return limit.day;
  if ("daysFromToday" in limit) return addDays(today, limit.daysFromToday);
  const other = answers[limit.answer];
  return typeof other === "string" && validDate(other) ? addDays(other, limit.days) : undefined;
}

/** A date answer within its question's limits and the plausible range. */
function checkDate(
  field: Extract<ScalarFieldDefinition, { kind: "date" }>,
  raw: unknown,
  today: string,
  answers: Record<string, unknown>,
): ScalarResult {
  if (typeof raw !== "string") return { problem: "cases.answers.date" };
  const value = raw.trim();
  if (!validDate(value)) return { problem: "cases.answers.date" };
  if (field.when === "past" && value > today) return { problem: "cases.answers.datePast" };
  if (field.when === "future" && value < today) return { problem: "cases.answers.dateFuture" };
  // ISO days compare as text: the later of the lower limits and the earlier of the upper ones hold.
  const lower = [plausibleDates.earliest, field.earliest && dayOfLimit(field.earliest, today, answers)];
  const earliest = lower
    .filter((one): one is string => one !== undefined)
    .sort()
    .at(-1) as string;
  if (value < earliest) return { problem: "cases.answers.dateTooEarly", values: { date: earliest } };
  const upper = [
    addYears(today, plausibleDates.yearsAhead),
    field.latest && dayOfLimit(field.latest, today, answers),
  ];
  const latest = upper.filter((one): one is string => one !== undefined).sort()[0] as string;
  if (value > latest) return { problem: "cases.answers.dateTooLate", values: { date: latest } };
  return { value };
}

/** A text answer by the common rules (answer-text.ts); `required` decides what an empty one is. */
function checkTextAnswer(raw: unknown, maxLength: number, multiline = false, name = false): ScalarResult {
  const checked = checkText(raw, name ? { maxLength, name } : { maxLength, multiline });
  if (checked.problem === "empty") return { problem: "cases.answers.required" };
  return checked.problem ? { problem: checked.problem } : { value: checked.value };
}

const nameAutocomplete = new Set([
  "name",
  "given-name",
  "family-name",
  "additional-name",
  "nickname",
  "organization",
]);

/**
 * A question asking for a name (a person's or an organisation's): by its autocomplete purpose, or
 * named like `fullName`, `guestFullName`, `employerName`. Names refuse direction marks as well.
 */
function isNameQuestion(field: Extract<ScalarFieldDefinition, { kind: "text" }>): boolean {
  return nameAutocomplete.has(field.autocomplete ?? "") || /(^n|N)ame$/.test(field.name);
}

const addressLengths = { street: 200, city: 100, region: 100, postcode: 20 } as const;

/** The country whose region list an address's region is chosen from: addresses are in Azerbaijan. */
export const addressRegionCountry = "AZ";

/**
 * An address's region feeds the statistics by region, so it is a code of the region list (chosen
 * from a pick list on the form), never typed text; written in any case, it is kept upper-cased.
 */
function checkAddressRegion(given: unknown): ScalarResult {
  const code = typeof given === "string" ? given.trim().toUpperCase() : "";
  return isRegionCode(code) && code.startsWith(`${addressRegionCountry}-`)
    ? { value: code }
    : { problem: "cases.answers.region" };
}

function checkAddress(raw: unknown): ScalarResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { problem: "cases.answers.address" };
  const parts = raw as Record<string, unknown>;
  const value: Record<string, string> = {};
  for (const [part, maxLength] of Object.entries(addressLengths)) {
    const given = parts[part];
    if (given === undefined || given === null || (typeof given === "string" && given.trim() === "")) {
      if (part === "street" || part === "city") return { problem: "cases.answers.address" };
      value[part] = "";
      continue;
    }
    if (part === "region") {
      const region = checkAddressRegion(given);
      if (region.problem) return region;
      value[part] = region.value as string;
      continue;
    }
    const checked = checkTextAnswer(given, maxLength);
    if (checked.problem) return checked;
    value[part] = checked.value as string;
  }
  return { value };
}

/** Checks one scalar answer; returns the cleaned value or a problem key. */
function checkScalar(
  field: ScalarFieldDefinition,
  raw: unknown,
  today: string,
  answers: Record<string, unknown>,
): ScalarResult {
  if (isEmpty(raw)) return field.required ? { problem: "cases.answers.required" } : {};
  switch (field.kind) {
    case "text": {
      const checked = checkTextAnswer(raw, field.maxLength, false, isNameQuestion(field));
      if (checked.problem) return checked;
      const value = checked.value as string;
      if (field.pattern && !new RegExp(field.pattern).test(value)) {
        return { problem: "cases.answers.pattern" };
      }
      return { value };
    }
    case "textarea":
      return checkTextAnswer(raw, field.maxLength, true);
    case "email": {
      const checked = checkTextAnswer(raw, 254);
      if (checked.problem)
        return checked.problem === "cases.answers.text" ? { problem: "cases.answers.email" } : checked;
      const value = (checked.value as string).toLowerCase();
      return email.test(value) ? { value } : { problem: "cases.answers.email" };
    }
    case "number": {
      const value = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim()) : Number.NaN;
      if (!Number.isFinite(value)) return { problem: "cases.answers.number" };
      if (field.min !== undefined && value < field.min) return { problem: "cases.answers.tooSmall" };
      if (field.max !== undefined && value > field.max) return { problem: "cases.answers.tooLarge" };
      return { value };
    }
    case "date":
      return checkDate(field, raw, today, answers);
    case "select":
    case "radios": {
      if (typeof raw !== "string") return { problem: "cases.answers.choose" };
      return field.options.some((option) => option.value === raw)
        ? { value: raw }
        : { problem: "cases.answers.choose" };
    }
    case "country": {
      if (typeof raw !== "string") return { problem: "cases.answers.country" };
      const value = raw.trim().toUpperCase();
      return isCountryCode(value) ? { value } : { problem: "cases.answers.country" };
    }
    case "documentNumber": {
      if (typeof raw !== "string") return { problem: "cases.answers.documentNumber" };
      const value = raw.replace(/\s+/g, "").toUpperCase();
      return /^[A-Z0-9]{5,20}$/.test(value) ? { value } : { problem: "cases.answers.documentNumber" };
    }
    case "address":
      return checkAddress(raw);
  }
}

/** The answers a date limit may count from: one refused already would only add a second problem. */
function withoutRefused(answers: Record<string, unknown>, result: AnswerCheck): Record<string, unknown> {
  if (result.problems.length === 0) return answers;
  const usable = { ...answers };
  for (const problem of result.problems) delete usable[problem.field];
  return usable;
}

function problemOf(field: string, checked: ScalarResult): AnswerProblem {
  return {
    field,
    messageKey: checked.problem ?? "cases.answers.invalid",
    ...(checked.values ? { values: checked.values } : {}),
  };
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
    const checked = checkScalar(field, raw, today, withoutRefused(answers, result));
    if (checked.problem) result.problems.push(problemOf(field.name, checked));
    else if (checked.value !== undefined) result.answers[field.name] = checked.value;
    return;
  }
  if (!Array.isArray(raw) && !isEmpty(raw)) {
    result.problems.push({ field: field.name, messageKey: "cases.answers.list" });
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
    const values = (typeof item === "object" && item !== null && !Array.isArray(item) ? item : {}) as Record<
      string,
      unknown
    >;
    const out: Record<string, unknown> = {};
    for (const inner of field.fields) {
      const checked = checkScalar(inner, values[inner.name], today, { ...answers, ...values });
      if (checked.problem) {
        result.problems.push(problemOf(`${field.name}.${index}.${inner.name}`, checked));
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
