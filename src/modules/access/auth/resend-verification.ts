import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { sendAuthMail } from "./auth-mail.js";
import { type Account, findAccountByEmail } from "./auth-repository.js";
import { countRecentEmailTokens, issueEmailToken } from "./email-tokens.js";

/** At most this many verification links an hour per account, so nobody can flood an inbox. */
export const verificationLinksPerHour = 5;

/**
 * Sends a new verification link to an account still waiting for its address to be confirmed.
 * The page answers the same whatever the address, so it reveals no accounts.
 */
export async function resendVerification(context: AuthContext, email: string): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (account?.status !== "pending_verification") return;
  await sendVerificationLink(context, account);
}

/** Issues and mails a fresh verification link, within the hourly cap; the older link stops working. */
export async function sendVerificationLink(context: AuthContext, account: Account): Promise<void> {
  const token = await context.db.transaction(async (tx) => {
    const recent = await countRecentEmailTokens(tx, context.clock, account.id, "verify_email", 3600_000);
    if (recent >= verificationLinksPerHour) return null;
    const issued = await issueEmailToken(tx, context.clock, account.id, "verify_email");
    await auditAuth(tx, context, {
      action: "auth.verification_resent",
      outcome: "success",
      account,
      byAccount: false,
    });
    return issued;
  });
  if (!token) return;
  await sendAuthMail(context, "verifyEmail", account, { link: `/verify-email?token=${token}` });
}
