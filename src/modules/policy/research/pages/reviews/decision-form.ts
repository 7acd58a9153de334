import { z } from "zod";
import { extractVariables } from "../../extract/extract-variables.js";

const month = z
  .string()
  .trim()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "research.errors.month");
const reasons = z.string().trim().min(1, "research.errors.reasons").max(5000, "research.errors.reasons");

/** The data protection officer's decision; narrowing names what is granted. Messages are translation keys. */
export const decisionForm = z.discriminatedUnion(
  "outcome",
  [
    z.object({ outcome: z.literal("approve"), reasons }),
    z.object({ outcome: z.literal("refuse"), reasons }),
    z.object({
      outcome: z.literal("narrow"),
      reasons,
      variables: z.array(z.enum(extractVariables)).min(1, "research.errors.narrowVariables"),
      fromMonth: month,
      toMonth: month,
    }),
  ],
  { message: "research.errors.outcome" },
);
