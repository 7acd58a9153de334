import { z } from "zod";
import { countryProfile } from "../../../../../platform/country/index.js";
import { indicatorCodes, legalDate, optionalText, planCode, requiredText } from "../form-fields.js";

export const objectiveFormFields = ["code", "title", "description", "indicatorCodes", "internal"] as const;
export const measureFormFields = ["code", "title", "description", "internal"] as const;
export const actionFormFields = [
  "code",
  "title",
  "description",
  "responsibleAgencyId",
  "startOn",
  "dueOn",
  "budget",
  "budgetCurrency",
  "internal",
] as const;

/** The "internal" checkbox: ticked, the item is left out of the public monitoring report. */
const internalFlag = z
  .string()
  .optional()
  .transform((value) => value === "yes");

export const objectiveFormSchema = z.object({
  code: planCode,
  title: requiredText("policyStrategies.errors.titleRequired", 300),
  description: optionalText(5000, true).transform((text) => text ?? ""),
  indicatorCodes,
  internal: internalFlag,
});

export const measureFormSchema = z.object({
  code: planCode,
  title: requiredText("policyStrategies.errors.titleRequired", 300),
  description: optionalText(5000, true).transform((text) => text ?? ""),
  internal: internalFlag,
});

/** An amount as typed ("1 250 000,50" or "1250000.50") in minor units; empty is no budget. */
function budgetMinor(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (compact === "") return null;
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(compact)) return undefined;
  const [whole = "0", fraction = ""] = compact.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const actionFormSchema = z
  .object({
    code: planCode,
    title: requiredText("policyStrategies.errors.titleRequired", 300),
    description: optionalText(5000, true).transform((text) => text ?? ""),
    responsibleAgencyId: z.uuid("policyStrategies.errors.agencyRequired"),
    partnerAgencyIds: z.array(z.uuid("policyStrategies.errors.agencyRequired")).max(20),
    startOn: legalDate("policyStrategies.errors.dateInvalid"),
    dueOn: legalDate("policyStrategies.errors.dateInvalid"),
    budget: z.string().transform((text, context) => {
      const minor = budgetMinor(text);
      if (minor === undefined) {
        context.addIssue({ code: "custom", message: "policyStrategies.errors.budgetInvalid" });
        return z.NEVER;
      }
      return minor;
    }),
    budgetCurrency: z
      .string()
      .trim()
      .transform((text) => text.toUpperCase())
      .refine((code) => code === "" || /^[A-Z]{3}$/.test(code), "policyStrategies.errors.currencyInvalid"),
    internal: internalFlag,
  })
  .superRefine((form, context) => {
    if (form.dueOn < form.startOn) {
      context.addIssue({
        code: "custom",
        path: ["dueOn"],
        message: "policyStrategies.errors.dueBeforeStart",
      });
    }
  })
  .transform(({ budget, budgetCurrency, ...form }) => ({
    ...form,
    budgetMinor: budget,
    budgetCurrency: budget === null ? null : budgetCurrency || countryProfile().currency.code,
  }));
