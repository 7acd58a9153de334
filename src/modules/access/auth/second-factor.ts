import type { Queryable } from "../../../platform/db/index.js";
import { mfaSecretBox } from "../mfa-secret.js";
import { verifyTotpCode } from "../totp.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import type { Account } from "./auth-repository.js";
import { advanceMfaStep } from "./auth-repository.js";
import { looksLikeRecoveryCode, useRecoveryCode } from "./recovery-codes.js";
import { attemptKeyFor, recordAttempt, throttleFor } from "./sign-in-throttle.js";

export type CodeCheck =
  | { ok: true; method: "totp" | "recovery_code" }
  | { ok: false; reason: "wrong_code" | "replayed" };

/** `started`: this very failure began the wait (the caller may tell the owner, after its transaction). */
export type CodeOutcome =
  | CodeCheck
  | { ok: false; reason: "locked"; retryAfterMinutes: number; started: boolean };

/** Why a code was asked for; kept in the audit trail. */
export type CodePurpose = "sign_in" | "enrolment" | "password_reset" | "recovery_codes";

/** Six digits (spaces allowed) are an authenticator code; anything else is tried as a recovery code. */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ""));
}

/**
 * Checks the second factor of an enrolled account: a TOTP code from the authenticator app, or one
 * of the recovery codes (used up by this check). A TOTP code of an already used time step is
 * refused, so an observed code cannot be replayed.
 */
export async function checkSecondFactor(
  db: Queryable,
  context: Pick<AuthContext, "clock" | "config">,
  account: Account,
  code: string,
): Promise<CodeCheck> {
  const trimmed = code.trim();
  if (looksLikeTotpCode(trimmed)) {
    if (!account.mfaSecretSealed || !account.mfaEnrolled) return { ok: false, reason: "wrong_code" };
    const secret = mfaSecretBox(context.config.fileKey).open(account.mfaSecretSealed);
    const step = await verifyTotpCode(secret, trimmed, context.clock, account.mfaLastStep);
    if (step !== null && (await advanceMfaStep(db, account.id, step))) return { ok: true, method: "totp" };
    const wouldMatch = await verifyTotpCode(secret, trimmed, context.clock, null);
    return { ok: false, reason: wouldMatch === null ? "wrong_code" : "replayed" };
  }
  if (looksLikeRecoveryCode(trimmed) && (await useRecoveryCode(db, context.clock, account.id, trimmed))) {
    return { ok: true, method: "recovery_code" };
  }
  return { ok: false, reason: "wrong_code" };
}

/**
 * Runs a code check under the limits for second factors (growing delays per account and source,
 * see sign-in-throttle.ts): refuses while this source must wait, records every attempt, and audits
 * failures, the start of a wait and used recovery codes. Call it inside the transaction that holds
 * the account's row lock.
 */
export async function checkCodeUnderThrottle(
  db: Queryable,
  context: AuthContext,
  account: Account,
  purpose: CodePurpose,
  check: () => Promise<CodeCheck>,
): Promise<CodeOutcome> {
  const key = await attemptKeyFor(context, account.email, account.id, db);
  const throttle = await throttleFor(db, context.clock, key, "mfa");
  if (throttle.locked) {
    await auditAuth(db, context, {
      action: "auth.mfa_failed",
      outcome: "denied",
      account,
      details: { purpose, reason: "locked_out", rule: throttle.rule },
    });
    return { ok: false, reason: "locked", retryAfterMinutes: throttle.retryAfterMinutes, started: false };
  }
  const result = await check();
  await recordAttempt(db, context.clock, {
    key,
    userId: account.id,
    kind: "mfa",
    succeeded: result.ok,
    ip: context.ip,
  });
  if (result.ok) {
    if (result.method === "recovery_code") {
      await auditAuth(db, context, {
        action: "auth.recovery_code_used",
        outcome: "success",
        account,
        details: { purpose },
      });
    }
    return result;
  }
  await auditAuth(db, context, {
    action: "auth.mfa_failed",
    outcome: "failure",
    account,
    details: { purpose, reason: result.reason },
  });
  const after = await throttleFor(db, context.clock, key, "mfa");
  if (after.locked) {
    await auditAuth(db, context, {
      action: "auth.locked_out",
      outcome: "denied",
      account,
      details: { kind: "mfa", rule: after.rule, minutes: after.retryAfterMinutes },
    });
    return { ok: false, reason: "locked", retryAfterMinutes: after.retryAfterMinutes, started: true };
  }
  return result;
}
