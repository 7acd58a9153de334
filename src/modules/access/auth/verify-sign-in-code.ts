import type { NewSession } from "../sessions.js";
import type { AuthContext } from "./auth-context.js";
import { findAccountById } from "./auth-repository.js";
import { completeStaffSignIn } from "./complete-staff-sign-in.js";
import { checkCodeUnderThrottle, checkSecondFactor } from "./second-factor.js";
import { queueUnlockLink } from "./unlock-sign-in.js";

export interface PendingSignIn {
  userId: string;
  sessionIdHash: string;
}

export type SignInCodeOutcome =
  | { outcome: "signed_in"; session: NewSession; method: "totp" | "recovery_code" }
  | { outcome: "refused"; reason: "wrong_code" | "not_enrolled" }
  | { outcome: "refused"; reason: "locked"; retryAfterMinutes: number };

/**
 * Second step of a staff sign-in: the code from the authenticator app (or a recovery code). On
 * success the half-signed-in session ends and a new one, with a new id, carries the full sign-in.
 */
export async function verifySignInCode(
  context: AuthContext,
  pending: PendingSignIn,
  code: string,
): Promise<SignInCodeOutcome> {
  let waitStartedFor: string | null = null;
  const outcome = await context.db.transaction(async (tx): Promise<SignInCodeOutcome> => {
    const account = await findAccountById(tx, pending.userId, { lock: true });
    if (!account?.mfaEnrolled) return { outcome: "refused", reason: "not_enrolled" };
    const result = await checkCodeUnderThrottle(tx, context, account, "sign_in", () =>
      checkSecondFactor(tx, context, account, code),
    );
    if (!result.ok) {
      if (result.reason !== "locked") return { outcome: "refused", reason: "wrong_code" };
      if (result.started) waitStartedFor = account.email;
      return { outcome: "refused", reason: "locked", retryAfterMinutes: result.retryAfterMinutes };
    }
    const session = await completeStaffSignIn(tx, context, account, pending.sessionIdHash, result.method);
    return { outcome: "signed_in", session, method: result.method };
  });
  // Someone who knows the password is guessing codes: the owner hears of it, with a way in.
  if (waitStartedFor) await queueUnlockLink(context, waitStartedFor);
  return outcome;
}
