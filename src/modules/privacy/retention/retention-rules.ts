import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const localizedText = z.object({ az: z.string().min(1), en: z.string().min(1), ru: z.string().min(1) });

/**
 * Where a period comes from: a provision of law (quoted with its source), or the data controller's
 * own decision. Karvan never presents a period it proposes as if a law had set it.
 */
const basisSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("law"), citation: localizedText, url: z.string().url().optional() }),
  z.object({ kind: z.literal("controller") }),
]);
export type RetentionBasis = z.infer<typeof basisSchema>;

const days = z.number().int().min(1).max(3650);
const years = z.number().int().min(1).max(100);
/** A period that may be "keep": null means the record is never removed by the retention job. */
const yearsOrKeep = years.nullable();

const procedureRule = z.object({ anonymiseAfterYears: years });

const retentionRulesSchema = z
  .object({
    $comment: z.string().optional(),
    country: z.string().regex(/^[A-Z]{2}$/),
    /** The general law on personal data the periods are set under. */
    framework: localizedText,
    /** Who decides on the periods (the owner of the personal data). */
    controller: localizedText,
    /** Applications started and not submitted. */
    drafts: z.object({ removeAfterDays: days, noticeDaysBefore: days, basis: basisSchema }),
    /** Portal accounts whose e-mail address was never confirmed. */
    unverifiedAccounts: z.object({ removeAfterDays: days, basis: basisSchema }),
    /**
     * Decided and closed cases, counted from their last change or the end of the issued document's
     * validity, whichever is later; then anonymised.
     */
    closedCases: z.object({
      default: procedureRule,
      byProcedure: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), procedureRule).default({}),
      basis: basisSchema,
    }),
    /** Uploaded documents of closed cases: null removes them with the case's anonymisation. */
    documents: z.object({ removeAfterYears: yearsOrKeep, basis: basisSchema }),
    /**
     * Names and e-mail addresses of those who commented on a public consultation, counted from the
     * day the consultation closed. A file written before the rule existed gets the default.
     */
    consultationCommenters: z
      .object({ removeAfterMonths: z.number().int().min(1).max(1200), basis: basisSchema })
      .default({ removeAfterMonths: 12, basis: { kind: "controller" } }),
    /** The audit trail: append-only and sealed, so only null (kept) is supported today. */
    audit: z.object({ keepYears: z.null(), basis: basisSchema }),
    /** Statistical records and cubes: anonymous counts, kept (null) unless a period is set. */
    statistics: z.object({ keepYears: z.null(), basis: basisSchema }),
  })
  .superRefine((rules, context) => {
    const shortest = Math.min(
      rules.closedCases.default.anonymiseAfterYears,
      ...Object.values(rules.closedCases.byProcedure).map((rule) => rule.anonymiseAfterYears),
    );
    if (rules.documents.removeAfterYears !== null && rules.documents.removeAfterYears >= shortest)
      context.addIssue({
        code: "custom",
        path: ["documents", "removeAfterYears"],
        message: `must be shorter than the shortest case period (${shortest} years), or null to remove documents with the case`,
      });
    if (rules.drafts.noticeDaysBefore >= rules.drafts.removeAfterDays)
      context.addIssue({
        code: "custom",
        path: ["drafts", "noticeDaysBefore"],
        message: "must be less than removeAfterDays",
      });
  });

export type RetentionRules = z.infer<typeof retentionRulesSchema>;

class RetentionRulesError extends Error {
  constructor(file: string, problems: string[]) {
    super(`The retention rules in ${file} are invalid:\n  - ${problems.join("\n  - ")}`);
    this.name = "RetentionRulesError";
  }
}

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "data");

/**
 * The retention rules in force: the operator's file (`KARVAN_RETENTION_FILE`) when set, otherwise
 * the country's defaults shipped with Karvan. An invalid file stops the start, like bad configuration.
 */
export function loadRetentionRules(country: string, file?: string): RetentionRules {
  const source = file ?? path.join(dataDir, `retention-${country.toLowerCase()}.json`);
  if (!existsSync(source)) {
    throw new RetentionRulesError(source, [
      file
        ? "the file does not exist"
        : `Karvan has no retention defaults for ${country}: set KARVAN_RETENTION_FILE`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(source, "utf8"));
  } catch (error) {
    throw new RetentionRulesError(source, [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = retentionRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RetentionRulesError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** The period after which a closed case of this procedure is anonymised. */
export function caseRetentionYears(rules: RetentionRules, typeCode: string): number {
  return (rules.closedCases.byProcedure[typeCode] ?? rules.closedCases.default).anonymiseAfterYears;
}
