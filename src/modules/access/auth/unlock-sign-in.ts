import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { findAccountByEmail, findAccountById } from "./auth-repository.js";
import { consumeEmailToken, findUsableEmailToken } from "./email-tokens.js";
import { mailLink } from "./mail-link.js";

/** At most one unlock link an hour per account, however many guesses are made. */
export const unlockLinksPerHour = 1;

/**
 * When guesses make a source wait, the account's owner is sent (from a job, whether or not the
 * address has an account, so the answer tells nothing) a link that unlocks sign-in on the device
 * that opens it.
 */
export async function queueUnlockLink(context: AuthContext, email: string): Promise<void> {
  await context.mailRequests.queue("sign_in_unlock", email, {
    ip: context.ip,
    requestId: context.requestId,
    userAgent: context.userAgent,
  });
}

/** The job's part: a single-use link valid for a day, to an active account only. */
export async function sendSignInUnlockLink(
  context: AuthContext,
  email: string,
  requestKey?: string,
): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (account?.status !== "active") return;
  await mailLink(context, {
    account,
    purpose: "unlock_sign_in",
    perHour: unlockLinksPerHour,
    mail: "unlockSignIn",
    path: "/sign-in/unlock",
    audit: "auth.unlock_link_sent",
    requestKey,
  });
}

/** Whether an unlock link still works (opening the page does not use it up). */
export async function checkUnlockLink(context: AuthContext, token: string): Promise<boolean> {
  const found = await findUsableEmailToken(context.db, context.clock, token, "unlock_sign_in");
  if (!found) return false;
  const account = await findAccountById(context.db, found.userId);
  return account?.status === "active";
}

export type UnlockOutcome = { unlocked: true; userId: string } | { unlocked: false };

/**
 * Uses the link up and tells the caller whose known device the browser becomes. The owner still
 * signs in with the password (and, for staff, the second factor); only other places' failed
 * guesses stop holding this browser back.
 */
export async function unlockSignIn(context: AuthContext, token: string): Promise<UnlockOutcome> {
  return context.db.transaction(async (tx): Promise<UnlockOutcome> => {
    const used = await consumeEmailToken(tx, context.clock, token, "unlock_sign_in");
    if (!used) return { unlocked: false };
    const account = await findAccountById(tx, used.userId);
    if (account?.status !== "active") return { unlocked: false };
    await auditAuth(tx, context, { action: "auth.sign_in_unlocked", outcome: "success", account });
    return { unlocked: true, userId: account.id };
  });
}
