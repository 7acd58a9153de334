import { hashPassword, type PasswordProblem, passwordProblem } from "../passwords.js";
import { destroyUserSessions } from "../sessions.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { sendAuthMail } from "./auth-mail.js";
import { type Account, findAccountById, setPasswordHash } from "./auth-repository.js";
import { consumeEmailToken, findUsableEmailToken } from "./email-tokens.js";
import { checkCodeUnderThrottle, checkSecondFactor } from "./second-factor.js";
import { attemptKeyFor, recordAttempt } from "./sign-in-throttle.js";

/** A reset link is usable when its token is unused and unexpired and the account is active. */
async function accountForResetLink(
  context: AuthContext,
  db: AuthContext["db"],
  token: string,
  lock: boolean,
): Promise<Account | null> {
  const found = await findUsableEmailToken(db, context.clock, token, "reset_password", { lock });
  if (!found) return null;
  const account = await findAccountById(db, found.userId, { lock });
  return account?.status === "active" ? account : null;
}

/** Whether a reset link works, and whether the form must also ask for a second-factor code. */
export async function checkResetLink(
  context: AuthContext,
  token: string,
): Promise<{ usable: false } | { usable: true; needsCode: boolean }> {
  const account = await accountForResetLink(context, context.db, token, false);
  if (!account) return { usable: false };
  return { usable: true, needsCode: account.mfaEnrolled };
}

export interface ResetPasswordInput {
  token: string;
  password: string;
  /** The current authenticator code or a recovery code; required when the account has MFA. */
  code?: string | undefined;
}

export type ResetPasswordOutcome =
  | { outcome: "reset" }
  | { outcome: "refused"; reason: "link_unusable" | "code_required" | "wrong_code" }
  | { outcome: "refused"; reason: "password_problem"; problem: PasswordProblem }
  | { outcome: "refused"; reason: "locked"; retryAfterMinutes: number };

/**
 * Sets a new password from a reset link. The link alone proves only the mailbox: an account with
 * multi-factor sign-in must also give a current code, so a stolen mailbox does not open a staff
 * account. Afterwards every session of the account ends and the person signs in normally.
 */
export async function resetPassword(
  context: AuthContext,
  input: ResetPasswordInput,
): Promise<ResetPasswordOutcome> {
  const preview = await accountForResetLink(context, context.db, input.token, false);
  if (!preview) return { outcome: "refused", reason: "link_unusable" };
  const problem = passwordProblem(input.password, [preview.email.split("@")[0] ?? "", preview.fullName]);
  if (problem) return { outcome: "refused", reason: "password_problem", problem };
  if (preview.mfaEnrolled && !input.code?.trim()) return { outcome: "refused", reason: "code_required" };
  const passwordHash = await hashPassword(input.password);

  const outcome = await context.db.transaction(async (tx): Promise<ResetPasswordOutcome> => {
    const account = await accountForResetLink(context, tx, input.token, true);
    if (!account) return { outcome: "refused", reason: "link_unusable" };
    if (account.mfaEnrolled) {
      const code = input.code ?? "";
      const result = await checkCodeUnderThrottle(tx, context, account, "password_reset", () =>
        checkSecondFactor(tx, context, account, code),
      );
      if (!result.ok) {
        return result.reason === "locked"
          ? { outcome: "refused", reason: "locked", retryAfterMinutes: result.retryAfterMinutes }
          : { outcome: "refused", reason: "wrong_code" };
      }
    }
    if (!(await consumeEmailToken(tx, context.clock, input.token, "reset_password"))) {
      return { outcome: "refused", reason: "link_unusable" };
    }
    await setPasswordHash(tx, context.clock, account.id, passwordHash);
    await destroyUserSessions(tx, account.id);
    await recordAttempt(tx, context.clock, {
      key: await attemptKeyFor(context, account.email, account.id, tx),
      userId: account.id,
      kind: "password_reset",
      succeeded: true,
      ip: context.ip,
    });
    await auditAuth(tx, context, {
      action: "auth.password_reset",
      outcome: "success",
      account,
      details: { secondFactor: account.mfaEnrolled },
    });
    return { outcome: "reset" };
  });
  if (outcome.outcome === "reset") {
    // Tells the owner at once, in case it was not them who changed it.
    await sendAuthMail(context, "passwordChanged", preview, { resetLink: "/forgot-password" });
  }
  return outcome;
}
