import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * Readmission agreements are configuration: one JSON file each in agreements/, every value with
 * its source and whether it was confirmed from the agreement's text. An unconfirmed value is still
 * used to count (the officers need a date), and the agreement page shows it as "to be confirmed".
 */
const source = z.object({ confirmed: z.boolean(), reference: z.string().min(1) });

const timeLimit = z.object({
  amount: z.number().int().min(1),
  unit: z.enum(["calendar", "working", "months"]),
  source,
});

const agreementSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  /** The agreement's title in each language Karvan speaks. */
  title: z.object({ az: z.string().min(1), en: z.string().min(1), ru: z.string().min(1) }),
  publication: z.string().min(1),
  partners: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  categories: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z_]+$/),
        source,
        evidence: z.array(z.object({ kind: z.string(), weight: z.enum(["proof", "prima_facie"]) })).min(1),
      }),
    )
    .min(1),
  timeLimits: z.object({
    request: timeLimit,
    replyNormal: timeLimit,
    replyAccelerated: timeLimit,
    extension: timeLimit,
    transfer: timeLimit,
    travelDocument: timeLimit,
  }),
  deemedAgreement: z.object({ applies: z.boolean(), source }),
});

export type Agreement = z.output<typeof agreementSchema>;
export type TimeLimit = z.output<typeof timeLimit>;
export type TimeLimitName = keyof Agreement["timeLimits"];

const shippedFiles = ["eu-az-2014.json", "no-az-2014.json"];

function readAgreement(file: string): Agreement {
  const text = readFileSync(new URL(`./agreements/${file}`, import.meta.url), "utf8");
  return agreementSchema.parse(JSON.parse(text));
}

let loaded: Agreement[] | undefined;

/** The shipped agreements, the EU–Azerbaijan agreement of 2014 first (the default). */
export function readmissionAgreements(): Agreement[] {
  loaded ??= shippedFiles.map(readAgreement);
  return loaded;
}

export const defaultAgreementCode = "eu-az-2014";

export function agreementByCode(code: string): Agreement | undefined {
  return readmissionAgreements().find((agreement) => agreement.code === code);
}

/** The agreement that covers a partner state (ISO 3166-1 alpha-2), if any. */
export function agreementForPartner(partnerState: string): Agreement | undefined {
  return readmissionAgreements().find((agreement) => agreement.partners.includes(partnerState));
}

/** Every partner state of the shipped agreements, sorted. */
export function partnerStates(): string[] {
  return readmissionAgreements()
    .flatMap((agreement) => agreement.partners)
    .sort();
}
