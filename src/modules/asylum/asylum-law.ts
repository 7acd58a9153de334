import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const lawFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "law");

/** Whether a value has been checked against the official text of the law. */
const sourced = { source: z.string().min(10), status: z.enum(["confirmed", "to_be_confirmed"]) };
const state = z.string().regex(/^[a-z][a-z0-9-]*$/);

const stepLimit = z.strictObject({
  amount: z.number().int().min(1).max(365),
  unit: z.enum(["working", "calendar", "months"]),
  /** The state whose first entry starts the step's clock. */
  from: state,
  /** The state whose first entry ends the step. */
  until: state,
  ...sourced,
});
export type StepLimit = z.output<typeof stepLimit>;

export const asylumStepNames = [
  "identityChecks",
  "interview",
  "firstInstanceDecision",
  "acceleratedDecision",
  "appealLodging",
] as const;
export type AsylumStepName = (typeof asylumStepNames)[number];

const asylumLawSchema = z.strictObject({
  $comment: z.union([z.string(), z.array(z.string())]).optional(),
  country: z.string().regex(/^[A-Z]{2}$/),
  steps: z.strictObject(
    Object.fromEntries(asylumStepNames.map((step) => [step, stepLimit])) as Record<
      AsylumStepName,
      typeof stepLimit
    >,
  ),
  /** Which protection statuses besides rejection the country's law grants. */
  outcomes: z.strictObject({
    "refugee-status": z.strictObject({ granted: z.boolean(), ...sourced }),
    "subsidiary-protection": z.strictObject({ granted: z.boolean(), ...sourced }),
    "humanitarian-status": z.strictObject({ granted: z.boolean(), ...sourced }),
  }),
});

export type AsylumLaw = z.output<typeof asylumLawSchema>;
export type ProtectionOutcome = keyof AsylumLaw["outcomes"];

/**
 * The asylum time limits and protection statuses of a country (`law/<country>.json`). A broken file
 * stops the start: the procedure is not run by guessed figures.
 */
export function loadAsylumLaw(country: string): AsylumLaw {
  const file = path.join(lawFolder, `${country.toLowerCase()}.json`);
  const parsed = asylumLawSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join("; ")}`);
  }
  return parsed.data;
}
