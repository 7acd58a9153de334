import { decoyPasswordHash, verifyPassword } from "../passwords.js";
import { createSession, destroySession, type NewSession } from "../sessions.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { findAccountByEmail, findAccountById } from "./auth-repository.js";
import { recordAttempt, throttleFor } from "./sign-in-throttle.js";

export interface SignInInput {
  email: string;
  password: string;
  /** The session the browser had before (if any); it ends, so no session id outlives a sign-in. */
  previousSessionIdHash?: string | undefined;
}

export type SignInOutcome =
  | { outcome: "signed_in"; session: NewSession }
  /** Staff: the password was right; the session waits for the second factor. */
  | { outcome: "second_factor_required"; session: NewSession; enrolled: boolean }
  | { outcome: "refused"; reason: "invalid_credentials" | "unverified" | "disabled" }
  | { outcome: "refused"; reason: "locked"; retryAfterMinutes: number };

/**
 * Signs in with e-mail and password. Unknown addresses take as long as known ones (a decoy hash is
 * verified) and get the same answer as a wrong password. Every guess counts towards the account's
 * limits; a locked account is refused before its password is even checked, so the answer never
 * tells whether the password was right. Staff always owe a second factor: their session starts
 * with `mfaPassed: false`.
 */
export async function signIn(context: AuthContext, input: SignInInput): Promise<SignInOutcome> {
  const known = await findAccountByEmail(context.db, input.email);
  if (!known) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    // Nothing typed is kept: the address of a non-existent account is not personal data we hold.
    await auditAuth(context.db, context, {
      action: "auth.sign_in_failed",
      outcome: "failure",
      details: { reason: "unknown_account" },
    });
    return { outcome: "refused", reason: "invalid_credentials" };
  }

  return context.db.transaction(async (tx): Promise<SignInOutcome> => {
    const account = (await findAccountById(tx, known.id, { lock: true })) ?? known;
    const throttle = await throttleFor(tx, context.clock, account.id, "password");
    if (throttle.locked) {
      await auditAuth(tx, context, {
        action: "auth.sign_in_failed",
        outcome: "denied",
        account,
        details: { reason: "locked_out", rule: throttle.rule },
      });
      return { outcome: "refused", reason: "locked", retryAfterMinutes: throttle.retryAfterMinutes };
    }

    const passwordRight = await verifyPassword(account.passwordHash, input.password);
    await recordAttempt(tx, context.clock, {
      userId: account.id,
      kind: "password",
      succeeded: passwordRight,
      ip: context.ip,
    });
    if (!passwordRight) {
      await auditAuth(tx, context, {
        action: "auth.sign_in_failed",
        outcome: "failure",
        account,
        details: { reason: "wrong_password" },
      });
      const after = await throttleFor(tx, context.clock, account.id, "password");
      if (!after.locked) return { outcome: "refused", reason: "invalid_credentials" };
      await auditAuth(tx, context, {
        action: "auth.locked_out",
        outcome: "denied",
        account,
        details: { kind: "password", rule: after.rule, minutes: after.retryAfterMinutes },
      });
      return { outcome: "refused", reason: "locked", retryAfterMinutes: after.retryAfterMinutes };
    }

    // Only someone who knows the password learns that the account is not usable yet.
    if (account.status !== "active") {
      const reason = account.status === "pending_verification" ? "unverified" : "disabled";
      await auditAuth(tx, context, {
        action: "auth.sign_in_failed",
        outcome: "denied",
        account,
        details: { reason },
      });
      return { outcome: "refused", reason };
    }

    if (input.previousSessionIdHash) await destroySession(tx, input.previousSessionIdHash);
    const staff = account.kind === "staff";
    const session = await createSession(tx, context.clock, {
      userId: account.id,
      mfaPassed: !staff,
      ip: context.ip,
      userAgent: context.userAgent,
    });
    if (staff) return { outcome: "second_factor_required", session, enrolled: account.mfaEnrolled };
    await auditAuth(tx, context, {
      action: "auth.sign_in",
      outcome: "success",
      account,
      details: { secondFactor: "none" },
    });
    return { outcome: "signed_in", session };
  });
}
