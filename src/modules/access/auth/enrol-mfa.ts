import QRCode from "qrcode";
import { mfaSecretBox } from "../mfa-secret.js";
import type { NewSession } from "../sessions.js";
import { newTotpSecret, totpUri, verifyTotpCode } from "../totp.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { findAccountById, markMfaEnrolled, storeMfaSecret } from "./auth-repository.js";
import { completeStaffSignIn } from "./complete-staff-sign-in.js";
import { replaceRecoveryCodes } from "./recovery-codes.js";
import { checkCodeUnderThrottle } from "./second-factor.js";
import type { PendingSignIn } from "./verify-sign-in-code.js";

export interface MfaEnrolmentStart {
  /** Base32 secret, for typing into the authenticator app by hand. */
  secret: string;
  /** The same secret as a QR code (PNG data: URL) for the app's camera. */
  qrCodeDataUrl: string;
}

/**
 * First half of setting up the authenticator app, for staff who have none yet. The secret is kept
 * (encrypted) from the first visit, so reloading the page shows the same QR code; it counts only
 * once a code from the app has been confirmed.
 */
export async function startMfaEnrolment(
  context: AuthContext,
  pending: PendingSignIn,
): Promise<MfaEnrolmentStart | { alreadyEnrolled: true }> {
  const box = mfaSecretBox(context.config.fileKey);
  const secret = await context.db.transaction(async (tx) => {
    const account = await findAccountById(tx, pending.userId, { lock: true });
    if (!account || account.mfaEnrolled) return null;
    if (account.mfaSecretSealed) return box.open(account.mfaSecretSealed);
    const fresh = newTotpSecret();
    await storeMfaSecret(tx, context.clock, account.id, box.seal(fresh));
    return fresh;
  });
  if (!secret) return { alreadyEnrolled: true };
  const account = await findAccountById(context.db, pending.userId);
  const qrCodeDataUrl = await QRCode.toDataURL(totpUri(secret, account?.email ?? "Karvan"), {
    errorCorrectionLevel: "M",
    margin: 2,
    width: 240,
  });
  return { secret, qrCodeDataUrl };
}

export type MfaEnrolmentOutcome =
  | { outcome: "enrolled"; session: NewSession; recoveryCodes: string[] }
  | { outcome: "refused"; reason: "wrong_code" | "not_started" | "already_enrolled" }
  | { outcome: "refused"; reason: "locked"; retryAfterMinutes: number };

/**
 * Second half: a code from the app proves it holds the secret. Enrolment is then complete, ten
 * recovery codes are made (shown once), and the sign-in finishes on a new session id.
 */
export async function confirmMfaEnrolment(
  context: AuthContext,
  pending: PendingSignIn,
  code: string,
): Promise<MfaEnrolmentOutcome> {
  return context.db.transaction(async (tx): Promise<MfaEnrolmentOutcome> => {
    const account = await findAccountById(tx, pending.userId, { lock: true });
    if (!account) return { outcome: "refused", reason: "not_started" };
    if (account.mfaEnrolled) return { outcome: "refused", reason: "already_enrolled" };
    const sealed = account.mfaSecretSealed;
    if (!sealed) return { outcome: "refused", reason: "not_started" };
    const accepted: { step: number | null } = { step: null };
    const result = await checkCodeUnderThrottle(tx, context, account, "enrolment", async () => {
      const secret = mfaSecretBox(context.config.fileKey).open(sealed);
      accepted.step = await verifyTotpCode(secret, code, context.clock, null);
      return accepted.step === null ? { ok: false, reason: "wrong_code" } : { ok: true, method: "totp" };
    });
    if (!result.ok) {
      return result.reason === "locked"
        ? { outcome: "refused", reason: "locked", retryAfterMinutes: result.retryAfterMinutes }
        : { outcome: "refused", reason: "wrong_code" };
    }
    if (accepted.step === null) return { outcome: "refused", reason: "wrong_code" };
    await markMfaEnrolled(tx, context.clock, account.id, accepted.step);
    const recoveryCodes = await replaceRecoveryCodes(tx, context.clock, account.id);
    await auditAuth(tx, context, { action: "auth.mfa_enrolled", outcome: "success", account });
    const session = await completeStaffSignIn(tx, context, account, pending.sessionIdHash, "totp");
    return { outcome: "enrolled", session, recoveryCodes };
  });
}
