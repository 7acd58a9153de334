import { z } from "zod";
import { safeName } from "../../../platform/http/index.js";
import { maximumPasswordLength, passwordProblem } from "../passwords.js";

/** Form schemas of the authentication pages; messages are translation keys (see parseForm). */

const emailField = z
  .string("auth.errors.emailRequired")
  .trim()
  .min(1, "auth.errors.emailRequired")
  .max(254, "auth.errors.emailInvalid")
  .pipe(z.email("auth.errors.emailInvalid"));

/** The password as typed: never trimmed, never kept in the form when it is shown again. */
const typedPassword = (requiredKey: string) =>
  z.string(requiredKey).min(1, requiredKey).max(maximumPasswordLength, "access.errors.password_too_long");

const codeField = z
  .string("auth.errors.codeRequired")
  .trim()
  .min(1, "auth.errors.codeRequired")
  .max(40, "auth.errors.codeInvalid");

const nextField = z.string().max(2000).optional();

export const signInForm = z.object({
  email: emailField,
  password: typedPassword("auth.errors.passwordRequired"),
  next: nextField,
});

export const signInCodeForm = z.object({ code: codeField, next: nextField });

export const emailOnlyForm = z.object({ email: emailField });

/** A new password and its repetition, checked against the policy with the person's own words. */
function withNewPassword<T extends z.ZodRawShape>(
  shape: T,
  wordsOf: (data: Record<string, unknown>) => string[],
) {
  return z
    .object({
      ...shape,
      password: typedPassword("auth.errors.newPasswordRequired"),
      confirmPassword: z
        .string("auth.errors.confirmPasswordRequired")
        .min(1, "auth.errors.confirmPasswordRequired"),
    })
    .superRefine((data, context) => {
      const record = data as Record<string, unknown>;
      const password = String(record.password ?? "");
      const problem = passwordProblem(password, wordsOf(record));
      if (problem) {
        context.addIssue({
          code: "custom",
          path: ["password"],
          message: `access.errors.password_${problem}`,
        });
      } else if (record.confirmPassword !== password) {
        context.addIssue({
          code: "custom",
          path: ["confirmPassword"],
          message: "auth.errors.passwordsDoNotMatch",
        });
      }
    });
}

export const signUpForm = withNewPassword(
  {
    fullName: safeName({
      max: 200,
      required: "auth.errors.fullNameRequired",
      hidden: "auth.errors.fullNameHidden",
      tooLong: "auth.errors.fullNameTooLong",
    }),
    email: emailField,
    hostOrEmployer: z
      .string()
      .optional()
      .transform((value) => value === "yes"),
  },
  (data) => [String(data.email ?? "").split("@")[0] ?? "", String(data.fullName ?? "")],
);

export const resetPasswordForm = withNewPassword(
  {
    token: z.string().min(1).max(200),
    code: z.string().trim().max(40, "auth.errors.codeInvalid").optional(),
  },
  // The account's own words are checked again by the operation, which knows who it is.
  () => [],
);
