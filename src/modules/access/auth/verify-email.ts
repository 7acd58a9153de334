import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { findAccountById, markEmailVerified } from "./auth-repository.js";
import { consumeEmailToken } from "./email-tokens.js";

/**
 * Confirms the e-mail address behind a verification link: the token is used up and the pending
 * account becomes active. The person then signs in; following a link never signs anyone in.
 */
export async function verifyEmail(context: AuthContext, token: string): Promise<{ verified: boolean }> {
  return context.db.transaction(async (tx) => {
    const found = await consumeEmailToken(tx, context.clock, token, "verify_email");
    if (!found) return { verified: false };
    const activated = await markEmailVerified(tx, context.clock, found.userId);
    if (!activated) return { verified: false };
    const account = await findAccountById(tx, found.userId);
    await auditAuth(tx, context, { action: "auth.email_verified", outcome: "success", account });
    return { verified: true };
  });
}
