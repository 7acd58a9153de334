import { z } from "zod";
import { safeText } from "../../../platform/http/index.js";

/** Form schemas of correction requests; messages are translation keys (see parseForm). */

/** Long enough for a changed address or a paragraph of explanation, short enough to read. */
export const correctionTextLength = 2000;

const text = (required: string) =>
  safeText({
    max: correctionTextLength,
    multiline: true,
    required,
    hidden: "privacy.correction.errors.hiddenCharacters",
    tooLong: "privacy.correction.errors.tooLong",
  });

export const correctionRequestForm = z.object({
  case: z.string().max(40).optional(),
  item: z.string("privacy.correction.errors.item").min(1, "privacy.correction.errors.item").max(200),
  whatIsWrong: text("privacy.correction.errors.whatIsWrong"),
  whatIsRight: text("privacy.correction.errors.whatIsRight"),
});

export const correctionAnswerForm = z
  .object({
    outcome: z.enum(["corrected", "refused"], "privacy.correction.errors.outcome"),
    reply: z.unknown().optional(),
    /** The corrected answer, when the request is about one: the question's own schema checks it. */
    value: z.string().max(correctionTextLength, "privacy.correction.errors.tooLong").optional(),
  })
  .transform((form, context) => {
    const raw = typeof form.reply === "string" ? form.reply : "";
    const { outcome, value } = form;
    if (raw.trim() === "" && outcome === "corrected") return { outcome, reply: "", value };
    const checked = text("privacy.correction.errors.reasons").safeParse(raw);
    if (checked.success) return { outcome, reply: checked.data, value };
    for (const issue of checked.error.issues)
      context.addIssue({ code: "custom", message: issue.message, path: ["reply"] });
    return z.NEVER;
  });
