import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const lawFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "law");

/** Whether a value has been checked against the official text of the law. */
const sourced = { source: z.string().min(10), status: z.enum(["confirmed", "to_be_confirmed"]) };
const months = z.number().int().min(1).max(120);

const detentionLawSchema = z.object({
  $comment: z.union([z.string(), z.array(z.string())]).optional(),
  country: z.string().regex(/^[A-Z]{2}$/),
  /** The first period a placement may last, counted from its first day. */
  initialPeriod: z.strictObject({ months, ...sourced }),
  /** The longest single extension, counted from the day after the current period ends. */
  extensionPeriod: z.strictObject({ months, ...sourced }),
  /** The longest total stay, counted from the first day: no period may end later. */
  maximumTotal: z.strictObject({ months, ...sourced }),
  /** How many working days before a period's last day the centre's head is told. */
  headNoticeWorkingDays: z.strictObject({ workingDays: z.number().int().min(1).max(30), ...sourced }),
});

export type DetentionLaw = z.output<typeof detentionLawSchema>;

/**
 * The detention time limits of a country (`law/<country>.json`). A country without a file has no
 * detention register: starting Karvan for it fails here rather than counting by another country's law.
 */
export function loadDetentionLaw(country: string): DetentionLaw {
  const file = path.join(lawFolder, `${country.toLowerCase()}.json`);
  if (!existsSync(file)) throw new Error(`no detention time limits for ${country}: add ${file}`);
  const parsed = detentionLawSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join("; ")}`);
  }
  if (parsed.data.maximumTotal.months < parsed.data.initialPeriod.months) {
    throw new Error(`${file}: maximumTotal is shorter than initialPeriod`);
  }
  return parsed.data;
}
