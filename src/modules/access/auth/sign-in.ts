import type { Transaction } from "../../../platform/db/index.js";
import { decoyPasswordHash, verifyPassword } from "../passwords.js";
import { createSession, destroySession, type NewSession } from "../sessions.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { type Account, findAccountByEmail, findAccountById } from "./auth-repository.js";
import { attemptKeyFor, recordAttempt, throttleFor } from "./sign-in-throttle.js";
import { queueUnlockLink } from "./unlock-sign-in.js";

export interface SignInInput {
  email: string;
  password: string;
  /** The session the browser had before (if any); it ends, so no session id outlives a sign-in. */
  previousSessionIdHash?: string | undefined;
}

export type SignInOutcome =
  | { outcome: "signed_in"; session: NewSession; userId: string }
  /** Staff: the password was right; the session waits for the second factor. */
  | { outcome: "second_factor_required"; session: NewSession; enrolled: boolean }
  | { outcome: "refused"; reason: "invalid_credentials" | "unverified" | "disabled" }
  | { outcome: "refused"; reason: "locked"; retryAfterMinutes: number };

/**
 * Signs in with e-mail and password. An unknown address goes through the same steps as a known
 * one (its guesses are counted and throttled, a decoy hash is verified) and gets the same answers.
 * Guesses are throttled per address typed and per source with growing delays (sign-in-throttle.ts);
 * while a source must wait its password is not even checked, so the answer never tells whether it
 * was right. The wait never reaches the owner's known devices, and when it starts the owner is
 * e-mailed a link that unlocks sign-in on any device. Staff always owe a second factor: their
 * session starts with `mfaPassed: false`.
 */
export async function signIn(context: AuthContext, input: SignInInput): Promise<SignInOutcome> {
  const known = await findAccountByEmail(context.db, input.email);
  let waitStarted = false;
  const outcome = await context.db.transaction(async (tx): Promise<SignInOutcome> => {
    const account = known ? ((await findAccountById(tx, known.id, { lock: true })) ?? known) : null;
    const key = await attemptKeyFor(context, input.email, account?.id ?? null, tx);
    const throttle = await throttleFor(tx, context.clock, key, "password");
    if (throttle.locked) {
      await auditAuth(tx, context, {
        action: "auth.sign_in_failed",
        outcome: "denied",
        account,
        details: { reason: "locked_out", rule: throttle.rule, ...unknownAccount(account) },
      });
      return { outcome: "refused", reason: "locked", retryAfterMinutes: throttle.retryAfterMinutes };
    }

    const passwordRight = await passwordMatches(account, input.password);
    await recordAttempt(tx, context.clock, {
      key,
      userId: account?.id ?? null,
      kind: "password",
      succeeded: passwordRight,
      ip: context.ip,
    });
    if (!account || !passwordRight) {
      // Nothing typed is kept: the address of a non-existent account is not personal data we hold.
      await auditAuth(tx, context, {
        action: "auth.sign_in_failed",
        outcome: "failure",
        account,
        details: account ? { reason: "wrong_password" } : { reason: "unknown_account" },
      });
      const after = await throttleFor(tx, context.clock, key, "password");
      if (!after.locked) return { outcome: "refused", reason: "invalid_credentials" };
      if (account) {
        await auditAuth(tx, context, {
          action: "auth.locked_out",
          outcome: "denied",
          account,
          details: { kind: "password", rule: after.rule, minutes: after.retryAfterMinutes },
        });
      }
      waitStarted = true;
      return { outcome: "refused", reason: "locked", retryAfterMinutes: after.retryAfterMinutes };
    }
    return passwordAccepted(tx, context, account, input);
  });
  // After the transaction: the job is queued on the same (embedded) connection.
  if (waitStarted) await queueUnlockLink(context, input.email);
  return outcome;
}

/** Whether the password is the account's; an unknown address takes as long (a decoy hash is verified). */
async function passwordMatches(account: Account | null, password: string): Promise<boolean> {
  if (account) return verifyPassword(account.passwordHash, password);
  await verifyPassword(await decoyPasswordHash(), password);
  return false;
}

function unknownAccount(account: Account | null): Record<string, string> {
  return account ? {} : { account: "unknown" };
}

/** The password was right: only now may the caller learn that the account is not usable yet. */
async function passwordAccepted(
  tx: Transaction,
  context: AuthContext,
  account: Account,
  input: SignInInput,
): Promise<SignInOutcome> {
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
  return { outcome: "signed_in", session, userId: account.id };
}
