import type { AuthContext } from "./auth-context.js";
import { type Account, findAccountByEmail } from "./auth-repository.js";
import { mailLink } from "./mail-link.js";

/** At most this many verification links an hour per account, so nobody can flood an inbox. */
export const verificationLinksPerHour = 5;

/**
 * Sends a new verification link to an account still waiting for its address to be confirmed. The
 * page hands the address to a background job and answers at once, the same for every address.
 */
export async function resendVerification(context: AuthContext, email: string): Promise<void> {
  await context.mailRequests.queue("verification_resend", email, {
    ip: context.ip,
    requestId: context.requestId,
    userAgent: context.userAgent,
  });
}

/** The job's part: a new link, only for an account that is still waiting for it. */
export async function sendVerificationLinkTo(
  context: AuthContext,
  email: string,
  requestKey?: string,
): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (account?.status !== "pending_verification") return;
  await sendVerificationLink(context, account, requestKey);
}

/** Issues and mails a fresh verification link, within the hourly cap; the older link stops working. */
export async function sendVerificationLink(
  context: AuthContext,
  account: Account,
  requestKey?: string,
): Promise<void> {
  await mailLink(context, {
    account,
    purpose: "verify_email",
    perHour: verificationLinksPerHour,
    mail: "verifyEmail",
    path: "/verify-email",
    audit: "auth.verification_resent",
    requestKey,
  });
}
