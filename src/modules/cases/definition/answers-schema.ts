import { z } from "zod";
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
import { checkMrz, looksLikeMrz } from "./mrz-check.js";

/**
 * A case type's form compiled to Zod schemas, a schema per question: the same for the portal's
 * forms, the JSON API, a CSV file and the OpenAPI description. Each refusal's message is a
 * translation key of `cases.answers.*`; a date limit's issue carries the day it names in
 * `params.values`.
 */
interface AnswerContext {
  /** The legal date: past and future dates, and limits counted from today. */
  today: string;
  /** The answers as given: date limits counted from another answer read them. */
  answers: Record<string, unknown>;
}

/**
 * The answers under check. A question's schema is compiled once per case type and reads the day
 * and the other answers from here while a check runs (Zod has no parse context, and compiling the
 * schemas for each check made it 20 to 80 times slower). Parsing is synchronous: one check's
 * context cannot reach another's.
 */
let checking: AnswerContext = { today: "", answers: {} };

function within<T>(context: AnswerContext, run: () => T): T {
  const before = checking;
  checking = context;
  try {
    return run();
  } finally {
    checking = before;
  }
}

const millisecondsPerDay = 86_400_000;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const documentNumber = /^[A-Z0-9]{5,20}$/;

/** Nothing typed: no value, or white space only (invisible characters alone are refused as such). */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

const withoutEmpty = (value: unknown) => (isEmpty(value) ? undefined : value);

/** A wrong type names the question's own problem; a missing answer is "answer this question". */
function typeError(messageKey: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? "cases.answers.required" : messageKey,
  };
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

/** Where a question's date limits find the other answers they count from. */
type DayOf = (answer: string) => string | undefined;

function dayOfLimit(limit: DateLimit, today: string, dayOf: DayOf): string | undefined {
  if ("day" in limit) return limit.day;
  if ("daysFromToday" in limit) return addDays(today, limit.daysFromToday);
  const other = dayOf(limit.answer);
  return other === undefined ? undefined : addDays(other, limit.days);
}

/** The problem of a date within its question's limits and the plausible range, if any. */
function dateProblem(
  field: Extract<ScalarFieldDefinition, { kind: "date" }>,
  value: string,
  today: string,
  dayOf: DayOf,
): { messageKey: string; values?: Record<string, string> } | undefined {
  if (!validDate(value)) return { messageKey: "cases.answers.date" };
  if (field.when === "past" && value > today) return { messageKey: "cases.answers.datePast" };
  if (field.when === "future" && value < today) return { messageKey: "cases.answers.dateFuture" };
  // ISO days compare as text: the later of the lower limits and the earlier of the upper ones hold.
  const lower = [plausibleDates.earliest, field.earliest && dayOfLimit(field.earliest, today, dayOf)];
  const earliest = lower
    .filter((one): one is string => one !== undefined)
    .sort()
    .at(-1) as string;
  if (value < earliest) return { messageKey: "cases.answers.dateTooEarly", values: { date: earliest } };
  const upper = [
    addYears(today, plausibleDates.yearsAhead),
    field.latest && dayOfLimit(field.latest, today, dayOf),
  ];
  const latest = upper.filter((one): one is string => one !== undefined).sort()[0] as string;
  if (value > latest) return { messageKey: "cases.answers.dateTooLate", values: { date: latest } };
  return undefined;
}

/**
 * Text by the common rules (answer-text.ts): trimmed, or refused with its message key. The
 * officers' free-text fields follow it too (workspace/case-forms.ts).
 */
export function text(
  rules: { maxLength: number; multiline?: boolean; name?: boolean },
  keys: { notText?: string } = {},
) {
  const notText = keys.notText ?? "cases.answers.text";
  return z.string(typeError(notText)).transform((raw, context) => {
    const checked = checkText(raw, rules.name ? { maxLength: rules.maxLength, name: true } : rules);
    if (checked.problem === undefined) return checked.value;
    const message =
      checked.problem === "empty"
        ? "cases.answers.required"
        : checked.problem === "cases.answers.text"
          ? notText
          : checked.problem;
    context.addIssue({ code: "custom", message, input: raw });
    return z.NEVER;
  });
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

/** The country whose region list an address's region is chosen from: addresses are in Azerbaijan. */
export const addressRegionCountry = "AZ";

/**
 * An address's region feeds the statistics by region, so it is a code of the region list (chosen
 * from a pick list on the form), never typed text; written in any case, it is kept upper-cased.
 */
const addressRegion = z
  .unknown()
  .transform((given, context) => {
    const code = typeof given === "string" ? given.trim().toUpperCase() : "";
    if (isRegionCode(code) && code.startsWith(`${addressRegionCountry}-`)) return code;
    context.addIssue({ code: "custom", message: "cases.answers.region", input: given });
    return z.NEVER;
  })
  .meta({ type: "string", description: `A code of the region list (ISO 3166-2:${addressRegionCountry})` });

function addressPart(schema: z.ZodType<string>, required: boolean) {
  if (required) return z.preprocess(withoutEmpty, schema);
  return z.preprocess(withoutEmpty, schema.optional()).transform((value) => value ?? "");
}

const address = z.object(
  {
    street: addressPart(
      text({ maxLength: 200 }, { notText: "cases.answers.text" }).meta({ maxLength: 200 }),
      true,
    ),
    city: addressPart(text({ maxLength: 100 }).meta({ maxLength: 100 }), true),
    region: addressPart(addressRegion, false),
    postcode: addressPart(text({ maxLength: 20 }).meta({ maxLength: 20 }), false),
  },
  typeError("cases.answers.address"),
);

/** A missing street or city (a part of the answer) is "enter the street and the city". */
function addressMessage(issue: z.core.$ZodIssue, partOfAnswer: boolean): string {
  return partOfAnswer && issue.message === "cases.answers.required" ? "cases.answers.address" : issue.message;
}

function choice(field: Extract<ScalarFieldDefinition, { kind: "select" | "radios" }>) {
  const [first, ...rest] = field.options.map((option) => option.value);
  return z.enum([first as string, ...rest], typeError("cases.answers.choose"));
}

function numberAnswer(field: Extract<ScalarFieldDefinition, { kind: "number" }>) {
  let schema = z.number(typeError("cases.answers.number"));
  if (field.min !== undefined) schema = schema.min(field.min, "cases.answers.tooSmall");
  if (field.max !== undefined) schema = schema.max(field.max, "cases.answers.tooLarge");
  // Forms send numbers as text.
  return z.preprocess((raw) => (typeof raw === "string" ? Number(raw.trim()) : raw), schema);
}

function dateAnswer(field: Extract<ScalarFieldDefinition, { kind: "date" }>, dayOf: DayOf) {
  return z
    .string(typeError("cases.answers.date"))
    .trim()
    .superRefine((value, context) => {
      const problem = dateProblem(field, value, checking.today, dayOf);
      if (!problem) return;
      context.addIssue({
        code: "custom",
        message: problem.messageKey,
        input: value,
        ...(problem.values ? { params: { values: problem.values } } : {}),
      });
    })
    .meta({ format: "date" });
}

function documentNumberAnswer(field: Extract<ScalarFieldDefinition, { kind: "documentNumber" }>) {
  return z
    .string(typeError("cases.answers.documentNumber"))
    .transform((raw, context) => {
      if (field.mrz && looksLikeMrz(raw)) {
        const read = checkMrz(raw);
        if ("number" in read) return read.number;
        context.addIssue({ code: "custom", message: read.messageKey, input: raw });
        return z.NEVER;
      }
      const value = raw.replace(/\s+/g, "").toUpperCase();
      if (documentNumber.test(value)) return value;
      context.addIssue({ code: "custom", message: "cases.answers.documentNumber", input: raw });
      return z.NEVER;
    })
    .meta({ type: "string" });
}

/** The value of one question's answer, before the question's `required` applies. */
function scalarValue(field: ScalarFieldDefinition, dayOf: DayOf): z.ZodType {
  switch (field.kind) {
    case "text": {
      const schema = text({ maxLength: field.maxLength, name: isNameQuestion(field) });
      const pattern = field.pattern;
      if (!pattern) return schema.meta({ maxLength: field.maxLength });
      return schema
        .refine((value) => new RegExp(pattern).test(value), "cases.answers.pattern")
        .meta({ maxLength: field.maxLength, pattern });
    }
    case "textarea":
      return text({ maxLength: field.maxLength, multiline: true }).meta({ maxLength: field.maxLength });
    case "email":
      return text({ maxLength: 254 }, { notText: "cases.answers.email" })
        .transform((value) => value.toLowerCase())
        .refine((value) => email.test(value), "cases.answers.email")
        .meta({ format: "email", maxLength: 254 });
    case "number":
      return numberAnswer(field);
    case "date":
      return dateAnswer(field, dayOf);
    case "select":
    case "radios":
      return choice(field);
    case "country":
      return z
        .string(typeError("cases.answers.country"))
        .transform((value) => value.trim().toUpperCase())
        .refine(isCountryCode, "cases.answers.country")
        .meta({ pattern: "^[A-Za-z]{2}$" });
    case "documentNumber":
      return documentNumberAnswer(field);
    case "address":
      return address;
  }
}

const sentence = (text: string) => (/[.?!)]$/.test(text) ? text : `${text}.`);

/** What the description says of an answer's form beyond its JSON type. */
function formOf(field: FieldDefinition): string | undefined {
  if (field.kind === "country") return "An ISO 3166-1 alpha-2 code";
  if (field.kind !== "documentNumber") return undefined;
  return field.mrz
    ? "5 to 20 letters and digits, or the document's machine-readable zone (TD1 or TD3)"
    : "5 to 20 letters and digits";
}

function described(schema: z.ZodType, field: FieldDefinition): z.ZodType {
  const condition = field.showWhen && "Asked only when other answers call for it";
  const parts = [field.label.en, field.hint?.en, formOf(field), condition];
  return schema.describe(
    parts
      .filter((part): part is string => Boolean(part))
      .map(sentence)
      .join(" "),
  );
}

/** One question's answer: empty means missing, which a required question refuses. */
function scalarAnswer(field: ScalarFieldDefinition, dayOf: DayOf): z.ZodType {
  const value = scalarValue(field, dayOf);
  return described(z.preprocess(withoutEmpty, field.required ? value : value.optional()), field);
}

type Questions = Map<string, { field: ScalarFieldDefinition; schema: z.ZodType }>;

/** Questions whose refusal of their own answer is being decided (limits counting from each other). */
const deciding = new Set<ScalarFieldDefinition>();

/**
 * The day another answer of `scope` gives, unless that answer is refused (it has its own problem
 * then); a question outside the scope gives its answer as it is.
 */
function dayOfAnswers(scope: () => Questions): DayOf {
  return (name) => {
    const raw = checking.answers[name];
    if (typeof raw !== "string" || !validDate(raw)) return undefined;
    const question = scope().get(name);
    // Limits counted from each other in a circle are not checked against each other.
    if (!question || deciding.has(question.field)) return raw;
    deciding.add(question.field);
    try {
      return question.schema.safeParse(raw).success ? raw : undefined;
    } finally {
      deciding.delete(question.field);
    }
  };
}

/** Each question compiled, its date limits counting from the other questions of `fields`. */
function compileQuestions(fields: ScalarFieldDefinition[]): Questions {
  const questions: Questions = new Map();
  const dayOf = dayOfAnswers(() => questions);
  for (const field of fields) questions.set(field.name, { field, schema: scalarAnswer(field, dayOf) });
  return questions;
}

const itemObject = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};

/**
 * A repeating group: too many entries is refused before any entry is read; too few is said as
 * well as what is wrong in the entries given. An entry's date limits count from the entry's
 * answers, then from the form's.
 */
function groupAnswer(field: Extract<FieldDefinition, { kind: "group" }>, outer: ScalarFieldDefinition[]) {
  const inner = new Set(field.fields.map((one) => one.name));
  const questions = compileQuestions([...outer.filter((one) => !inner.has(one.name)), ...field.fields]);
  const entry = z.object(
    Object.fromEntries(field.fields.map((one) => [one.name, questions.get(one.name)?.schema as z.ZodType])),
  );
  const item = z.unknown().transform((raw, issues) => {
    const values = itemObject(raw) as Record<string, unknown>;
    const context = { today: checking.today, answers: { ...checking.answers, ...values } };
    const parsed = within(context, () => entry.safeParse(values));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) issues.addIssue({ ...issue, input: raw } as never);
    return z.NEVER;
  });
  const list = (entries: z.ZodType) =>
    z
      .array(entries, { error: "cases.answers.list" })
      // Said even when an entry has a problem of its own.
      .refine((given) => given.length >= field.minItems, {
        message: "cases.answers.tooFewItems",
        when: () => true,
      })
      .meta({ minItems: field.minItems, maxItems: field.maxItems });
  const schema = z.preprocess((raw, issues) => {
    if (isEmpty(raw)) return [];
    if (Array.isArray(raw) && raw.length > field.maxItems) {
      issues.addIssue({ code: "custom", message: "cases.answers.tooManyItems", input: raw });
      return z.NEVER;
    }
    return raw;
  }, list(item));
  // Described, an entry is the object it is read as.
  return { schema: described(schema, field), description: described(list(entry), field) };
}

interface CompiledForm {
  /** The schema each question's answer is checked with. */
  checks: Map<string, z.ZodType>;
  /** The same, as the description shows it (a group's entries as the objects they are read as). */
  descriptions: Map<string, z.ZodType>;
}

const compiledForms = new WeakMap<CaseTypeDefinition, CompiledForm>();

function compiledForm(definition: CaseTypeDefinition): CompiledForm {
  const known = compiledForms.get(definition);
  if (known) return known;
  const fields = definition.form.flatMap((page) => page.fields);
  const scalars = fields.filter((field): field is ScalarFieldDefinition => field.kind !== "group");
  const questions = compileQuestions(scalars);
  const compiled: CompiledForm = { checks: new Map(), descriptions: new Map() };
  for (const field of fields) {
    if (field.kind === "group") {
      const group = groupAnswer(field, scalars);
      compiled.checks.set(field.name, group.schema);
      compiled.descriptions.set(field.name, group.description);
    } else {
      const schema = questions.get(field.name)?.schema as z.ZodType;
      compiled.checks.set(field.name, schema);
      compiled.descriptions.set(field.name, schema);
    }
  }
  compiledForms.set(definition, compiled);
  return compiled;
}

/** The pages that apply to these answers (a page can depend on an earlier answer). */
export function visiblePages(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): PageDefinition[] {
  return definition.form.filter((page) => conditionHolds(page.showWhen, answers));
}

/**
 * Checks the answers to the whole form (submission), or to one page (saving a page), question by
 * question: the questions that apply (on a page that applies, their condition holding). Answers
 * to no such question pass unread (the JSON API refuses a question of another page itself). The
 * answers that pass are returned cleaned even when others have problems.
 */
export function parseAnswers(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  today: string,
  onlyPage?: string,
): { answers: Record<string, unknown>; issues: z.core.$ZodIssue[] } {
  const { checks } = compiledForm(definition);
  const result: { answers: Record<string, unknown>; issues: z.core.$ZodIssue[] } = {
    answers: {},
    issues: [],
  };
  within({ today, answers }, () => {
    for (const page of visiblePages(definition, answers)) {
      if (onlyPage && page.id !== onlyPage) continue;
      for (const field of page.fields) {
        if (!conditionHolds(field.showWhen, answers)) continue;
        const parsed = checks.get(field.name)?.safeParse(answers[field.name]);
        if (parsed?.success === false) {
          result.issues.push(
            ...parsed.error.issues.map((issue) => ({ ...issue, path: [field.name, ...issue.path] })),
          );
        } else if (parsed?.data !== undefined) result.answers[field.name] = parsed.data;
      }
    }
  });
  return result;
}

/** A problem with one answer; `messageKey` is a translation key, `field` the answer's path. */
export interface AnswerProblem {
  field: string;
  messageKey: string;
  /** Values the message names, e.g. the earliest date allowed. */
  values?: Record<string, string>;
}

/**
 * The schema's issues as one problem per answer (a question of a group's entry: `group.index.name`),
 * the first found, in the order of the form.
 */
export function answerProblems(definition: CaseTypeDefinition, issues: z.core.$ZodIssue[]): AnswerProblem[] {
  const order = definition.form.flatMap((one) => one.fields);
  const byAnswer = new Map<string, AnswerProblem & { rank: number }>();
  for (const issue of issues) {
    const [name, index, inner] = issue.path.map(String);
    const field = order.find((one) => one.name === name);
    if (!field || name === undefined) continue;
    const item = field.kind === "group" && index !== undefined && inner !== undefined;
    const path = item ? `${name}.${index}.${inner}` : name;
    if (byAnswer.has(path)) continue;
    const params = (issue as { params?: { values?: Record<string, string> } }).params;
    const question = field.kind === "group" ? field.fields.find((one) => one.name === inner) : field;
    const depth = item ? 3 : 1;
    const messageKey =
      question?.kind === "address" ? addressMessage(issue, issue.path.length > depth) : issue.message;
    byAnswer.set(path, {
      field: path,
      messageKey: messageKey.startsWith("cases.answers.") ? messageKey : "cases.answers.invalid",
      ...(params?.values ? { values: params.values } : {}),
      // Within a group, its own problem (too few entries) comes before the entries'.
      rank: order.indexOf(field) * 2 + (item ? 1 : 0),
    });
  }
  return [...byAnswer.values()].sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...problem }) => problem);
}

/**
 * The answers of a case type as JSON Schema (OpenAPI 3.0), from the very schemas they are checked
 * with: a property per question, described by its English label, a question asked under a
 * condition as optional; `partial` for one page's answers (any subset of the questions). Limits
 * that hang on today or on other answers are not expressible there and are left to the 422 answer.
 */
export function describeAnswers(definition: CaseTypeDefinition, options: { partial?: boolean } = {}) {
  const { descriptions } = compiledForm(definition);
  const shape: Record<string, z.ZodType> = {};
  for (const page of definition.form) {
    for (const field of page.fields) {
      const schema = descriptions.get(field.name) as z.ZodType;
      const conditional = options.partial || field.showWhen || page.showWhen;
      shape[field.name] = conditional ? schema.optional() : schema;
    }
  }
  const { $schema: _dialect, ...json } = z.toJSONSchema(z.object(shape), {
    io: "input",
    target: "openapi-3.0",
    unrepresentable: "any",
  });
  return { title: `${definition.code} (version ${definition.version})`, ...json };
}
