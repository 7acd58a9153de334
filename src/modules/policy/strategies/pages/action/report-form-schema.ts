import { z } from "zod";
import { isReportingPeriod } from "../../action-standing.js";
import { requiredText } from "../form-fields.js";

export const reportFormFields = ["period", "percentDone", "text"] as const;

/** A status report: the quarter it covers, how much of the action is done, and what was done. */
export const reportFormSchema = z.object({
  period: z.string().refine(isReportingPeriod, "policyStrategies.errors.periodInvalid"),
  percentDone: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "policyStrategies.errors.percentInvalid")
    .transform(Number)
    .refine((value) => value <= 100, "policyStrategies.errors.percentInvalid"),
  text: requiredText("policyStrategies.errors.reportTextRequired", 5000, true),
});
