import type { AuthContext } from "./auth-context.js";
import { findAccountByEmail } from "./auth-repository.js";
import { mailLink } from "./mail-link.js";
import { sendVerificationLink } from "./resend-verification.js";

/** At most this many reset links an hour per account. */
export const resetLinksPerHour = 3;

/**
 * "Forgot your password": the page hands the address to a background job and answers at once,
 * the same for every address, in the same time and with the same database work whether or not it
 * has an account (the lookup happens in the job, never while the person waits).
 */
export async function requestPasswordReset(context: AuthContext, email: string): Promise<void> {
  await context.mailRequests.queue("password_reset", email, {
    ip: context.ip,
    requestId: context.requestId,
    userAgent: context.userAgent,
  });
}

/**
 * The job's part: mails a single-use reset link valid for an hour. An account still waiting for
 * its address to be confirmed gets a new verification link instead; a disabled account and an
 * unknown address get nothing.
 */
export async function sendPasswordResetLink(
  context: AuthContext,
  email: string,
  requestKey?: string,
): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (!account || account.status === "disabled") return;
  if (account.status === "pending_verification") {
    await sendVerificationLink(context, account, requestKey);
    return;
  }
  await mailLink(context, {
    account,
    purpose: "reset_password",
    perHour: resetLinksPerHour,
    mail: "resetPassword",
    path: "/reset-password",
    audit: "auth.password_reset_requested",
    requestKey,
  });
}
