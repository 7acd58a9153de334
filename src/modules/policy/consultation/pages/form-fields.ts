import { z } from "zod";
import { isLegalDate } from "../../../../platform/calendar/index.js";
import { checkText, safeName, safeText } from "../../../../platform/http/index.js";
import { sectionCodes } from "../draft-sections.js";
import { rejectionReasons } from "../records.js";

/** The consultation's forms; each refusal is a message key shown at its field. */

const hidden = "policyConsultation.errors.hiddenCharacters";
const tooLong = "policyConsultation.errors.tooLong";

/** Longest comment, in characters: a page of text. */
export const commentMaxLength = 4000;

function optionalText(max: number, name = false) {
  return z.unknown().transform((raw, context) => {
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return null;
    const checked = checkText(raw, { maxLength: max, ...(name ? { name: true } : {}) });
    if (checked.problem === undefined) return checked.value;
    context.addIssue({ code: "custom", message: checked.problem === "tooLong" ? tooLong : hidden });
    return z.NEVER;
  });
}

const legalDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isLegalDate(value), message);

const draftText = (required: string) =>
  safeText({ max: 200_000, multiline: true, required, hidden, tooLong });
const title = (required: string) => safeText({ max: 300, required, hidden, tooLong });

export const openForm = z
  .object({
    documentId: z.string().uuid("policyConsultation.errors.documentRequired"),
    titleAz: title("policyConsultation.errors.titleRequired"),
    titleEn: title("policyConsultation.errors.titleRequired"),
    titleRu: title("policyConsultation.errors.titleRequired"),
    textAz: draftText("policyConsultation.errors.textRequired"),
    textEn: draftText("policyConsultation.errors.textRequired"),
    textRu: draftText("policyConsultation.errors.textRequired"),
    opensOn: legalDate("policyConsultation.errors.date"),
    closesOn: legalDate("policyConsultation.errors.date"),
    moveDraft: z.string().optional(),
  })
  .superRefine((form, context) => {
    if (form.closesOn < form.opensOn)
      context.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: "policyConsultation.errors.closesBeforeOpening",
      });
    // Comments name a section by its number: the three languages must number them alike.
    const sections = sectionCodes(form.textAz).join(" ");
    for (const field of ["textEn", "textRu"] as const)
      if (sectionCodes(form[field]).join(" ") !== sections)
        context.addIssue({
          code: "custom",
          path: [field],
          message: "policyConsultation.errors.sectionsDiffer",
        });
  });

const commentText = safeText({
  max: commentMaxLength,
  multiline: true,
  required: "policyConsultation.errors.commentRequired",
  hidden,
  tooLong: "policyConsultation.errors.commentTooLong",
});
const sectionCode = z
  .string()
  .trim()
  .max(20)
  .optional()
  .transform((value) => value || null);

/** A comment from a signed-in member of the public: their account says who they are. */
export const accountCommentForm = z.object({
  displayName: optionalText(80, true),
  sectionCode,
  comment: commentText,
});

/** A comment from anyone else: a name and an address to send the verification link to. */
export const emailCommentForm = accountCommentForm.extend({
  name: safeName({ max: 200, required: "policyConsultation.errors.nameRequired", hidden }),
  email: z
    .string("policyConsultation.errors.emailInvalid")
    .trim()
    .max(254, "policyConsultation.errors.emailInvalid")
    .pipe(z.email("policyConsultation.errors.emailInvalid")),
});

export const moderationForm = z.discriminatedUnion(
  "outcome",
  [
    z.object({ outcome: z.literal("publish") }),
    z.object({
      outcome: z.literal("reject"),
      reason: z.enum(rejectionReasons, "policyConsultation.errors.reasonRequired"),
      note: optionalText(2000),
    }),
  ],
  { message: "policyConsultation.errors.outcomeRequired" },
);

export const answerForm = z.object({
  answer: safeText({
    max: 8000,
    multiline: true,
    required: "policyConsultation.errors.answerRequired",
    hidden,
    tooLong,
  }),
});
