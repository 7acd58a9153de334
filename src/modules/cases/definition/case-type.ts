import { z } from "zod";
import { countryProfile } from "../../../platform/country/index.js";
import { isPermission } from "../../access/index.js";
import { mrzFillProblems, mrzFillSchema } from "./mrz-fill.js";
import { personsSectionProblems, personsSectionSchema } from "./persons-section.js";
import { statisticsSectionProblems, statisticsSectionSchema } from "./statistics-section.js";
import { stepAnswerProblems, stepAnswerSchema } from "./step-answers.js";

/**
 * The shape of a case type: what the applicant fills in, which documents and fees apply, how the
 * case moves (states, transitions, guards, tasks) and how long the law gives. Definitions are
 * TypeScript files checked against this schema at start-up; a definition never changes once cases
 * run on it: a change is a new version, and running cases stay on the version they started with.
 */

export const localizedText = z.object({
  az: z.string().min(1),
  en: z.string().min(1),
  ru: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedText>;

const name = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "camelCase name");
const code = z.string().regex(/^[a-z][a-z0-9-]*$/, "kebab-case code");

/** A condition over the answers: decides conditional questions and required documents. */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    z.object({ field: z.string(), in: z.array(z.string()).min(1) }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

const option = z.object({ value: z.string().min(1), label: localizedText });

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "an existing day");

/**
 * A limit of a date answer, as the law gives it: a fixed day, a number of days from the day of
 * answering (-15: "registered within 15 days of arrival"), or a number of days from another date
 * answer (a departure at most 90 days after the arrival). A limit on an answer that is missing or
 * not a date is not checked (that answer has its own problem).
 */
const dateLimitSchema = z.union([
  z.strictObject({ day }),
  z.strictObject({ daysFromToday: z.number().int() }),
  z.strictObject({ answer: name, days: z.number().int().default(0) }),
]);
export type DateLimit = z.infer<typeof dateLimitSchema>;

/**
 * Dates no answer may leave, whatever its question: nobody alive was born before 1900, and no
 * procedure plans further ahead than 20 years (a date such as 9999-12-31 is a typing error or an
 * attack, and would break the statistics it feeds).
 */
export const plausibleDates = { earliest: "1900-01-01", yearsAhead: 20 } as const;

const fieldCommon = {
  name,
  label: localizedText,
  hint: localizedText.optional(),
  required: z.boolean().default(true),
  showWhen: conditionSchema.optional(),
};

const scalarField = z.discriminatedUnion("kind", [
  z.object({
    ...fieldCommon,
    kind: z.literal("text"),
    maxLength: z.number().int().positive().default(200),
    pattern: z.string().optional(),
    autocomplete: z.string().optional(),
  }),
  z.object({ ...fieldCommon, kind: z.literal("email") }),
  z.object({
    ...fieldCommon,
    kind: z.literal("textarea"),
    maxLength: z.number().int().positive().default(2000),
  }),
  z.object({
    ...fieldCommon,
    kind: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.object({
    ...fieldCommon,
    kind: z.literal("date"),
    /** Relative to the day of answering: "past" (birth dates), "future" (planned stays), or either. */
    when: z.enum(["past", "future", "any"]).default("any"),
    /** The earliest day the law allows (within `plausibleDates` in any case). */
    earliest: dateLimitSchema.optional(),
    /** The latest day the law allows (within `plausibleDates` in any case). */
    latest: dateLimitSchema.optional(),
  }),
  z.object({ ...fieldCommon, kind: z.literal("select"), options: z.array(option).min(1) }),
  z.object({ ...fieldCommon, kind: z.literal("radios"), options: z.array(option).min(1) }),
  /** ISO 3166-1 alpha-2 code from the country code list. */
  z.object({ ...fieldCommon, kind: z.literal("country") }),
  /** Street, city, region (ISO 3166-2:AZ code) and postcode. */
  z.object({ ...fieldCommon, kind: z.literal("address") }),
  /** An identity or travel document number with its MRZ check, when one is given. */
  z.object({
    ...fieldCommon,
    kind: z.literal("documentNumber"),
    /**
     * The document's machine-readable zone (TD1 or TD3) is taken as well as the bare number (a
     * hotel's document reader sends it): its check digits are checked and its number kept.
     */
    mrz: z.boolean().default(false),
  }),
]);

export const fieldSchema = z.union([
  scalarField,
  z.object({
    ...fieldCommon,
    kind: z.literal("group"),
    /** Repeating group (family members, previous stays): each item has these fields. */
    fields: z.array(scalarField).min(1),
    minItems: z.number().int().min(0).default(0),
    maxItems: z.number().int().positive().default(10),
  }),
]);
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type ScalarFieldDefinition = z.infer<typeof scalarField>;

export const pageSchema = z.object({
  id: code,
  title: localizedText,
  fields: z.array(fieldSchema).min(1),
  showWhen: conditionSchema.optional(),
  /** Which questions of the page the passport's machine-readable zone fills (mrz-fill.ts). */
  mrzFill: mrzFillSchema.optional(),
});
export type PageDefinition = z.infer<typeof pageSchema>;

export const documentRequirementSchema = z.object({
  code,
  name: localizedText,
  hint: localizedText.optional(),
  /** Required only in this situation; always required when omitted. */
  requiredWhen: conditionSchema.optional(),
});
export type DocumentRequirement = z.infer<typeof documentRequirementSchema>;

export const legalTimeSchema = z.object({
  amount: z.number().int().positive(),
  unit: z.enum(["working", "calendar"]),
});
export type LegalTime = z.infer<typeof legalTimeSchema>;

export const feeSchema = z.object({
  /** In the minor unit of the currency (an integer). */
  amountMinor: z.number().int().min(0),
  /** The country's currency (its profile) unless given; a fee in another one stops the start. */
  currency: z
    .string()
    .refine((currency) => currency === countryProfile().currency.code, {
      message: "fees are in the country's currency (KARVAN_COUNTRY's profile)",
    })
    .default(() => countryProfile().currency.code),
  /** Paid express tiers where the law has them: a higher fee for a shorter legal time. */
  expressTiers: z
    .array(
      z.object({
        code,
        name: localizedText,
        amountMinor: z.number().int().positive(),
        legalTime: legalTimeSchema,
      }),
    )
    .default([]),
});

export const stateCategories = ["draft", "open", "waiting", "decided", "closed"] as const;
export type StateCategory = (typeof stateCategories)[number];

export const stateSchema = z.object({
  category: z.enum(stateCategories),
  label: localizedText,
  /** The legal clock stops while a case is in this state (waiting for the applicant). */
  pausesDeadline: z.boolean().default(false),
});

/** Conditions a transition checks against the case before it may happen. */
export const guardNames = [
  "mandatoryTasksDone",
  "documentsComplete",
  "feePaid",
  "decisionDrafted",
  /** The one who approves is not the one who drafted the decision. */
  "fourEyes",
] as const;
export type GuardName = (typeof guardNames)[number];

/** What a transition does besides changing the state; each has its own business operation. */
export const transitionEffects = [
  "requestDocuments",
  "draftDecision",
  "approveDecision",
  "returnDecision",
  "issueDecision",
  "provideDocuments",
  "withdraw",
] as const;
export type TransitionEffect = (typeof transitionEffects)[number];

export const transitionSchema = z.object({
  name: code,
  label: localizedText,
  from: z.array(z.string()).min(1),
  to: z.string(),
  /** A permission of the access module; "applicant" means the case's own applicant. */
  allowed: z.union([z.literal("applicant"), z.string().regex(/^[a-z_]+\.[a-z_.]+$/)]),
  guards: z.array(z.enum(guardNames)).default([]),
  effect: z.enum(transitionEffects).optional(),
  /**
   * What the officer answers with the step, kept on its event (step-answers.ts): a departure says
   * whether return assistance was received.
   */
  answers: z.array(stepAnswerSchema).default([]),
});
export type TransitionDefinition = z.infer<typeof transitionSchema>;

export const taskSchema = z.object({
  code,
  name: localizedText,
  /** Created when the case enters this state. */
  onEnter: z.string(),
  /** The kind of agency that does it (a labour-market opinion goes to the employment service). */
  agencyKind: z.enum(["migration_service", "labour", "border", "foreign_affairs", "regional"]),
  permission: z.string().regex(/^[a-z_]+\.[a-z_.]+$/),
  mandatory: z.boolean().default(true),
  results: z.array(option).min(1),
  /**
   * The answers (field names) the agency doing the task may see, e.g. the worker's name,
   * citizenship, occupation and employer for a labour-market opinion; nothing else of the case
   * is shown to it.
   */
  sharedAnswers: z.array(name).default([]),
});
export type TaskDefinition = z.infer<typeof taskSchema>;

export const outcomeSchema = z.object({
  code,
  label: localizedText,
  /** A positive decision that produces a permit or registration document. */
  issuesDocument: z.boolean(),
  /** Validity of the issued document, when it has one. */
  validityMonths: z.number().int().positive().optional(),
  /**
   * The document is valid until the date the applicant gave in this date question (the planned
   * departure of a registered guest, the date a stay is extended to); capped by `validityMonths`
   * when both are set.
   */
  validUntilAnswer: name.optional(),
});

const permissionCode = z.string().regex(/^[a-z_]+\.[a-z_.]+$/);

/**
 * Access beyond `cases.read` and the agency scope, for procedures whose very existence is
 * protected (asylum) or that only officers start (return orders).
 */
export const accessSchema = z.strictObject({
  /** Needed (besides the agency scope) to see or act on its cases at all. */
  read: permissionCode.optional(),
  /** Needed to register one; required when `applicants` has "staff". */
  register: permissionCode.optional(),
  /** Special-category answers (health, religion...) only holders of `permission` read; each read is audited. */
  sensitive: z.strictObject({ permission: permissionCode, answers: z.array(name).min(1) }).optional(),
  /** Officers may give a lawyer or guardian (a portal account) access to a case. */
  representatives: z.boolean().default(false),
});
export type CaseTypeAccess = z.output<typeof accessSchema>;

export const caseTypeSchema = z
  .object({
    code,
    version: z.number().int().positive(),
    /** Case numbers look like PREFIX-2026-001234. */
    numberPrefix: z.string().regex(/^[A-Z]{2,5}$/),
    name: localizedText,
    summary: localizedText,
    /**
     * Who may apply: "applicant" (a foreign national), "host" or "employer"; "staff" is a case an
     * officer registers (from the workspace or the staff API) holding `access.register`.
     */
    applicants: z.array(z.enum(["applicant", "host", "employer", "staff"])).min(1),
    /** Who may see, register and read the special categories of its cases; without it, as any case. */
    access: accessSchema.optional(),
    /** Code of the agency that decides. */
    responsibleAgency: z.string().min(1),
    legalBasis: localizedText,
    /** Processing time the law gives, counted from submission. */
    legalTime: legalTimeSchema.optional(),
    fee: feeSchema,
    form: z.array(pageSchema).min(1),
    documents: z.array(documentRequirementSchema).default([]),
    states: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), stateSchema),
    initialState: z.string(),
    submittedState: z.string(),
    transitions: z.array(transitionSchema).min(1),
    tasks: z.array(taskSchema).default([]),
    outcomes: z.array(outcomeSchema).min(1),
    /**
     * Decided by the system the moment it is submitted, without an officer (a registration the
     * law makes on notification): the submitted state is a `decided` one and this outcome is
     * recorded and issued with the submission. The reasons are recorded in the state language.
     */
    decisionOnSubmission: z.object({ outcome: code, reasons: localizedText }).optional(),
    /** What official statistics count of its cases (statistics-section.ts); without it, nothing. */
    statistics: statisticsSectionSchema.optional(),
    /** Which answers describe which persons, for the person register (persons-section.ts). */
    persons: personsSectionSchema.optional(),
    /**
     * The page of the owning module where its cases' steps are taken (`:id` is the case), for steps
     * that record more than the engine knows: the case page links there instead of offering them,
     * and `transitionCase` takes them only with the module's step (`ModuleStep`).
     */
    actionsPage: z
      .string()
      .regex(/^\/[a-z0-9/-]*:id[a-z0-9/-]*$/)
      .optional(),
    /**
     * Pages of the owning module about one case (`:id` is the case), linked from the case page
     * beside the engine's own: the asylum procedure's step time limits, for instance.
     */
    relatedPages: z
      .array(
        z.strictObject({
          path: z.string().regex(/^\/[a-z0-9/-]*:id[a-z0-9/-]*$/),
          label: localizedText,
        }),
      )
      .default([]),
    /**
     * Pages of the owning module for the applicant and those who follow the case in the portal
     * (`:id` is the case), linked from the case's status page: an asylum applicant's interview.
     */
    portalPages: z
      .array(
        z.strictObject({
          path: z.string().regex(/^\/[a-z0-9/-]*:id[a-z0-9/-]*$/),
          label: localizedText,
        }),
      )
      .default([]),
  })
  .superRefine((definition, context) => {
    const problem = (message: string) => context.addIssue({ code: "custom", message });
    const states = new Set(Object.keys(definition.states));
    for (const state of [definition.initialState, definition.submittedState]) {
      if (!states.has(state)) problem(`state ${state} is not defined`);
    }
    for (const transition of definition.transitions) {
      for (const from of transition.from) {
        if (!states.has(from)) problem(`transition ${transition.name}: unknown state ${from}`);
      }
      if (!states.has(transition.to))
        problem(`transition ${transition.name}: unknown state ${transition.to}`);
      for (const message of stepAnswerProblems(transition.name, transition.answers)) problem(message);
      // The engine's case file asks no step answers: only a module's own page (and the staff API) can.
      if (transition.answers.length > 0 && !definition.actionsPage)
        problem(`transition ${transition.name}: step answers need the type's own page (actionsPage)`);
    }
    const names = definition.transitions.map((transition) => transition.name);
    if (new Set(names).size !== names.length) problem("transition names must be unique");
    for (const task of definition.tasks) {
      if (!states.has(task.onEnter)) problem(`task ${task.code}: unknown state ${task.onEnter}`);
    }
    const fields = definition.form.flatMap((page) => page.fields.map((field) => field.name));
    if (new Set(fields).size !== fields.length) problem("field names must be unique across pages");
    for (const task of definition.tasks) {
      for (const shared of task.sharedAnswers) {
        if (!fields.includes(shared)) problem(`task ${task.code}: unknown shared answer ${shared}`);
      }
    }
    for (const message of accessProblems(definition, fields)) problem(message);
    const tiers = definition.fee.expressTiers.map((tier) => tier.code);
    if (new Set(tiers).size !== tiers.length) problem("express tier codes must be unique");
    if (definition.fee.expressTiers.length > 0 && !definition.legalTime) {
      problem("express tiers shorten the legal time, which is missing");
    }
    const questions = definition.form.flatMap((page) => [
      ...page.fields,
      ...page.fields.flatMap((field) => (field.kind === "group" ? field.fields : [])),
    ]);
    for (const question of questions) {
      if (question.kind !== "date") continue;
      for (const limit of [question.earliest, question.latest]) {
        if (!limit || !("answer" in limit)) continue;
        const other = questions.find((one) => one.name === limit.answer);
        if (other?.kind !== "date") problem(`${question.name}: limit ${limit.answer} is not a date question`);
      }
    }
    for (const outcome of definition.outcomes) {
      const field = outcome.validUntilAnswer;
      if (!field) continue;
      const question = definition.form.flatMap((page) => page.fields).find((one) => one.name === field);
      if (question?.kind !== "date") problem(`outcome ${outcome.code}: ${field} is not a date question`);
    }
    const decidedOnSubmission = definition.states[definition.submittedState]?.category === "decided";
    const automatic = definition.decisionOnSubmission;
    if (automatic && !definition.outcomes.some((outcome) => outcome.code === automatic.outcome)) {
      problem(`decisionOnSubmission: unknown outcome ${automatic.outcome}`);
    }
    if (automatic && !decidedOnSubmission) {
      problem("decisionOnSubmission needs a submitted state of category decided");
    }
    if (decidedOnSubmission && !automatic) {
      problem("a case decided on submission needs decisionOnSubmission (its outcome)");
    }
    for (const page of definition.form) {
      if (page.mrzFill)
        for (const message of mrzFillProblems(page.mrzFill, page.id, page.fields)) problem(message);
    }
    if (definition.persons) {
      const topLevel = definition.form.flatMap((page) => page.fields);
      for (const message of personsSectionProblems(definition.persons, topLevel)) problem(message);
    }
    if (definition.statistics) {
      const outcomeCodes = definition.outcomes.map((outcome) => outcome.code);
      const topLevel = definition.form.flatMap((page) => page.fields);
      for (const message of statisticsSectionProblems(
        definition.statistics,
        topLevel,
        outcomeCodes,
        definition.transitions,
      ))
        problem(message);
    }
  });

export type CaseTypeDefinition = z.output<typeof caseTypeSchema>;

function accessProblems(
  definition: { applicants: string[]; access?: CaseTypeAccess | undefined },
  fields: string[],
): string[] {
  const problems: string[] = [];
  if (definition.applicants.includes("staff") && !definition.access?.register) {
    problems.push('applicants "staff" needs access.register');
  }
  const access = definition.access;
  for (const permission of [access?.read, access?.register, access?.sensitive?.permission]) {
    if (permission && !isPermission(permission)) problems.push(`access: unknown permission ${permission}`);
  }
  for (const answer of access?.sensitive?.answers ?? []) {
    if (!fields.includes(answer)) problems.push(`access.sensitive: unknown answer ${answer}`);
  }
  return problems;
}
export type CaseTypeInput = z.input<typeof caseTypeSchema>;

/** Declares a case type; the registry validates it with `caseTypeSchema` at start-up. */
export function defineCaseType(definition: CaseTypeInput): CaseTypeInput {
  return definition;
}
