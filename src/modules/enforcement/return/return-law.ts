import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const lawFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "law");

/** Whether a value has been checked against the official text of the law. */
const sourced = { source: z.string().min(10), status: z.enum(["confirmed", "to_be_confirmed"]) };
const days = z.number().int().min(1).max(365);

const returnLawSchema = z
  .object({
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    country: z.string().regex(/^[A-Z]{2}$/),
    /** The short departure period, in hours from the notice (Azerbaijani practice: 48). */
    departureHours: z.strictObject({ hours: z.number().int().min(1).max(240), ...sourced }),
    /** The range of days an order may give instead, counted from the day after the notice. */
    departureDays: z.strictObject({
      min: days,
      max: days,
      unit: z.enum(["calendar", "working"]),
      /** A last day that is not a working day moves to the next working day. */
      lastDayMovesToWorkingDay: z.boolean(),
      ...sourced,
    }),
    /** How many working days before the departure deadline the responsible officer is told. */
    alertWorkingDays: z.strictObject({ workingDays: z.number().int().min(1).max(10), ...sourced }),
    /** The range of an entry ban's duration, in whole years. */
    entryBanYears: z.strictObject({
      min: z.number().int().min(1),
      max: z.number().int().max(99),
      ...sourced,
    }),
  })
  .refine((law) => law.departureDays.min <= law.departureDays.max, "departureDays: min is above max")
  .refine((law) => law.entryBanYears.min <= law.entryBanYears.max, "entryBanYears: min is above max");

export type ReturnLaw = z.output<typeof returnLawSchema>;

/**
 * The return time limits of a country (`law/<country>.json`). A country without a file has no
 * return procedure: starting Karvan for it fails here rather than counting by another country's law.
 */
export function loadReturnLaw(country: string): ReturnLaw {
  const file = path.join(lawFolder, `${country.toLowerCase()}.json`);
  if (!existsSync(file)) throw new Error(`no return time limits for ${country}: add ${file}`);
  const parsed = returnLawSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join("; ")}`);
  }
  return parsed.data;
}
