import { z } from "zod";
import { isUuid } from "../id-params.js";

/** What an auditor can search the trail by. Dates are whole days in the display time zone. */
export interface AuditSearchFilters {
  /** First day, YYYY-MM-DD, inclusive. */
  from?: string | undefined;
  /** Last day, YYYY-MM-DD, inclusive. */
  to?: string | undefined;
  /** A user id, an API key id, or an e-mail address to be resolved to a user id. */
  actor?: string | undefined;
  /** An exact action, or a prefix ending in "*" (access.*). */
  action?: string | undefined;
  outcome?: "success" | "failure" | "denied" | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  agency?: string | undefined;
}

export const auditOutcomes = ["success", "failure", "denied"] as const;

/** A user or API key id, or an e-mail address. */
const actorPattern = (value: string) => isUuid(value) || /^[^\s@]+@[^\s@]+$/.test(value);
/** An action name, or a prefix ending in "*". */
const actionPattern = /^[a-z0-9_.-]+\*?$/i;

/** Reads 17/05/2026, 17.5.2026 (as people in Azerbaijan and Russia write it) or 2026-05-17. */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const [year, month, day] = dayFirst
    ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
    : isoLike
      ? [Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3])]
      : [0, 0, 0];
  if (year < 2000 || year > 2999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Empty form fields mean "no filter". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

const trimmed = (max: number, messageKey: string) =>
  optional(z.string().trim().max(max, { message: messageKey }).optional());

const day = (messageKey: string) =>
  optional(
    z
      .string()
      .trim()
      .transform((value, context) => {
        const parsed = parseDay(value);
        if (parsed) return parsed;
        context.addIssue({ code: "custom", message: messageKey });
        return z.NEVER;
      })
      .optional(),
  );

const filterFields = {
  actor: trimmed(320, "audit.errors.actorInvalid").refine(
    (value) => value === undefined || actorPattern(value),
    { message: "audit.errors.actorInvalid" },
  ),
  action: trimmed(100, "audit.errors.actionInvalid").refine(
    (value) => value === undefined || actionPattern.test(value),
    { message: "audit.errors.actionInvalid" },
  ),
  outcome: optional(z.enum(auditOutcomes, { message: "audit.errors.outcomeInvalid" }).optional()),
  entityType: trimmed(64, "audit.errors.entityTypeInvalid"),
  entityId: trimmed(200, "audit.errors.entityIdInvalid"),
  agency: optional(z.string().trim().pipe(z.uuid("audit.errors.agencyInvalid")).optional()),
};

const pageFields = {
  before: optional(z.coerce.number().int().positive().optional()),
  after: optional(z.coerce.number().int().positive().optional()),
};

function checkRange(value: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx) {
  if (value.from && value.to && value.to < value.from) {
    context.addIssue({ code: "custom", path: ["to"], message: "audit.errors.dateRange" });
  }
}

/** The search form (query string of /audit and /audit/export.csv). */
export const auditSearchForm = z
  .object({
    from: day("audit.errors.fromInvalid"),
    to: day("audit.errors.toInvalid"),
    ...filterFields,
    ...pageFields,
  })
  .superRefine(checkRange);

export type AuditSearchForm = z.output<typeof auditSearchForm>;

/** The same search for the JSON API: ISO dates, no empty strings, and a page size. */
export const auditSearchQuery = z
  .object({
    from: z.iso.date().optional().describe("first day in the country's time zone, inclusive, YYYY-MM-DD"),
    to: z.iso.date().optional().describe("last day in the country's time zone, inclusive, YYYY-MM-DD"),
    actor: z
      .string()
      .max(320)
      .refine(actorPattern, { message: "audit.errors.actorInvalid" })
      .optional()
      .describe("user id, API key id, or a user's e-mail address"),
    action: z
      .string()
      .max(100)
      .regex(actionPattern)
      .optional()
      .describe('exact action, or a prefix ending in "*", e.g. access.*'),
    outcome: z.enum(auditOutcomes).optional(),
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(200).optional(),
    agency: z.uuid().optional().describe("agency id"),
    before: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe("only records with a smaller id: pass nextBefore to get the next page"),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe("records per page"),
  })
  .superRefine(checkRange);

export function filtersOf(form: {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: AuditSearchFilters["outcome"];
  entityType?: string | undefined;
  entityId?: string | undefined;
  agency?: string | undefined;
}): AuditSearchFilters {
  return {
    from: form.from,
    to: form.to,
    actor: form.actor,
    action: form.action,
    outcome: form.outcome,
    entityType: form.entityType,
    entityId: form.entityId,
    agency: form.agency,
  };
}
