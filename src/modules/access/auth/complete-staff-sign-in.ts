import type { Transaction } from "../../../platform/db/index.js";
import { createSession, destroySession, type NewSession } from "../sessions.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import type { Account } from "./auth-repository.js";

/**
 * The last step of a staff sign-in, once the second factor is proven: the half-signed-in session
 * ends and a new one (new id) starts, so a session id seen before the second factor is worthless.
 */
export async function completeStaffSignIn(
  tx: Transaction,
  context: AuthContext,
  account: Account,
  pendingSessionIdHash: string,
  secondFactor: string,
): Promise<NewSession> {
  await destroySession(tx, pendingSessionIdHash);
  const session = await createSession(tx, context.clock, {
    userId: account.id,
    mfaPassed: true,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  await auditAuth(tx, context, {
    action: "auth.sign_in",
    outcome: "success",
    account,
    details: { secondFactor },
  });
  return session;
}
