import { z } from "zod";

export const watchLists = ["entry_ban", "wanted"] as const;
export type WatchList = (typeof watchLists)[number];

/** An entry of a watch list as the repository returns it. */
export interface WatchListEntry {
  id: string;
  list: WatchList;
  names: string[];
  birthDate: string | null;
  sex: "F" | "M" | null;
  citizenships: string[];
  documentNumbers: string[];
  legalBasis: string;
  issuingAuthority: string;
  validFrom: string;
  validUntil: string | null;
  createdBy: string;
  createdAt: string;
  endedBy: string | null;
  endedAt: string | null;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const partialDay = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function realDay(value: string): boolean {
  const [year = 0, month = 1, day = 1] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Several values in one field: one a line in a form, separated by ";" or "|" in a CSV file. */
function listOf(text: string): string[] {
  return text
    .split(/[\n;|]+/u)
    .map((one) => one.trim())
    .filter((one) => one.length > 0);
}

const optionalText = z.string().trim().optional().default("");

/**
 * A new entry as typed in the form or read from a CSV line: the same schema for both, so a file
 * is refused for exactly what the form would refuse. Messages are translation keys.
 */
export const newEntrySchema = z
  .object({
    list: z.enum(watchLists, { error: "enforcement.errors.list" }),
    names: z
      .string()
      .trim()
      .transform(listOf)
      .pipe(
        z
          .array(z.string().max(200, "enforcement.errors.nameLength"))
          .min(1, "enforcement.errors.names")
          .max(10, "enforcement.errors.names"),
      ),
    birthDate: optionalText.refine(
      (value) =>
        value === "" ||
        (partialDay.test(value) &&
          realDay(`${value}${value.length === 4 ? "-01-01" : value.length === 7 ? "-01" : ""}`)),
      "enforcement.errors.birthDate",
    ),
    sex: z.enum(["", "F", "M"], { error: "enforcement.errors.sex" }).optional().default(""),
    citizenships: optionalText
      .transform((value) => listOf(value.toUpperCase().replaceAll(",", ";")))
      .pipe(z.array(z.string().regex(/^[A-Z]{3}$/, "enforcement.errors.citizenship")).max(5)),
    documentNumbers: optionalText
      .transform((value) =>
        listOf(value.toUpperCase().replaceAll(",", ";")).map((one) => one.replace(/\s+/g, "")),
      )
      .pipe(z.array(z.string().regex(/^[A-Z0-9]{5,20}$/, "enforcement.errors.documentNumber")).max(10)),
    legalBasis: z
      .string()
      .trim()
      .min(1, "enforcement.errors.legalBasis")
      .max(500, "enforcement.errors.legalBasis"),
    issuingAuthority: z
      .string()
      .trim()
      .min(1, "enforcement.errors.issuingAuthority")
      .max(200, "enforcement.errors.issuingAuthority"),
    validFrom: z
      .string()
      .trim()
      .refine((value) => isoDay.test(value) && realDay(value), "enforcement.errors.date"),
    validUntil: optionalText.refine(
      (value) => value === "" || (isoDay.test(value) && realDay(value)),
      "enforcement.errors.date",
    ),
  })
  .refine((entry) => entry.validUntil === "" || entry.validUntil >= entry.validFrom, {
    path: ["validUntil"],
    message: "enforcement.errors.validUntil",
  });

export type NewEntry = z.output<typeof newEntrySchema>;
