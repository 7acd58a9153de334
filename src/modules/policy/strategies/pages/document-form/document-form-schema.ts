import { z } from "zod";
import { documentKinds } from "../../records.js";
import { optionalDate, optionalText, requiredText } from "../form-fields.js";

export const documentFormFields = [
  "kind",
  "title",
  "summary",
  "adoptingBody",
  "periodStart",
  "periodEnd",
  "citedActs",
] as const;

/** The document form: what it is, its text, the body adopting it, its period and the acts it cites. */
export const documentFormSchema = z
  .object({
    kind: z.enum(documentKinds, "policyStrategies.errors.kindRequired"),
    title: requiredText("policyStrategies.errors.titleRequired", 300),
    summary: requiredText("policyStrategies.errors.summaryRequired", 5000, true),
    adoptingBody: optionalText(300),
    periodStart: optionalDate("policyStrategies.errors.dateInvalid"),
    periodEnd: optionalDate("policyStrategies.errors.dateInvalid"),
    citedActs: optionalText(10_000, true).transform((text) =>
      (text ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  })
  .superRefine((form, context) => {
    if (form.periodStart && form.periodEnd && form.periodEnd < form.periodStart) {
      context.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "policyStrategies.errors.periodEndBeforeStart",
      });
    }
    if (form.citedActs.length > 50 || form.citedActs.some((act) => act.length > 300)) {
      context.addIssue({
        code: "custom",
        path: ["citedActs"],
        message: "policyStrategies.errors.citedActsTooLong",
      });
    }
  });
