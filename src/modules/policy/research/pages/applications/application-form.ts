import { z } from "zod";
import { extractVariables } from "../../extract/extract-variables.js";

const month = z
  .string()
  .trim()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "research.errors.month");

/** The researcher's application (the ethics approval is the form's file); messages are translation keys. */
export const applicationForm = z
  .object({
    title: z.string().trim().min(1, "research.errors.title").max(300, "research.errors.title"),
    purpose: z.string().trim().min(1, "research.errors.purpose").max(5000, "research.errors.purpose"),
    institution: z
      .string()
      .trim()
      .min(1, "research.errors.institution")
      .max(300, "research.errors.institution"),
    variables: z
      .array(z.enum(extractVariables, { message: "research.errors.variables" }))
      .min(1, "research.errors.variables"),
    fromMonth: month,
    toMonth: month,
  })
  .refine((form) => form.fromMonth <= form.toMonth, {
    message: "research.errors.periodOrder",
    path: ["toMonth"],
  });
