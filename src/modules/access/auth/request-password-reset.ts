import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { sendAuthMail } from "./auth-mail.js";
import { findAccountByEmail } from "./auth-repository.js";
import { countRecentEmailTokens, issueEmailToken } from "./email-tokens.js";
import { sendVerificationLink } from "./resend-verification.js";

/** At most this many reset links an hour per account. */
export const resetLinksPerHour = 3;

/**
 * "Forgot your password": mails a single-use reset link valid for an hour. The page answers the
 * same whether or not the address has an account. An account still waiting for its address to be
 * confirmed gets a new verification link instead; a disabled account gets nothing.
 */
export async function requestPasswordReset(context: AuthContext, email: string): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (!account || account.status === "disabled") return;
  if (account.status === "pending_verification") {
    await sendVerificationLink(context, account);
    return;
  }
  const token = await context.db.transaction(async (tx) => {
    const recent = await countRecentEmailTokens(tx, context.clock, account.id, "reset_password", 3600_000);
    if (recent >= resetLinksPerHour) {
      await auditAuth(tx, context, {
        action: "auth.password_reset_requested",
        outcome: "denied",
        account,
        details: { reason: "too_many_links" },
      });
      return null;
    }
    const issued = await issueEmailToken(tx, context.clock, account.id, "reset_password");
    await auditAuth(tx, context, {
      action: "auth.password_reset_requested",
      outcome: "success",
      account,
      byAccount: false,
    });
    return issued;
  });
  if (!token) return;
  await sendAuthMail(context, "resetPassword", account, { link: `/reset-password?token=${token}` });
}
