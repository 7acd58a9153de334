import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { findAccountById } from "./auth-repository.js";
import { replaceRecoveryCodes } from "./recovery-codes.js";
import { checkCodeUnderThrottle, checkSecondFactor } from "./second-factor.js";

export type RegenerateOutcome =
  | { outcome: "regenerated"; recoveryCodes: string[] }
  | { outcome: "refused"; reason: "wrong_code" | "not_enrolled" }
  | { outcome: "refused"; reason: "locked"; retryAfterMinutes: number };

/**
 * New recovery codes for a signed-in staff member; every earlier code stops working. A current
 * code is asked for again, so that a browser left signed in is not enough to take the codes.
 */
export async function regenerateRecoveryCodes(
  context: AuthContext,
  userId: string,
  code: string,
): Promise<RegenerateOutcome> {
  return context.db.transaction(async (tx): Promise<RegenerateOutcome> => {
    const account = await findAccountById(tx, userId, { lock: true });
    if (!account?.mfaEnrolled) return { outcome: "refused", reason: "not_enrolled" };
    const result = await checkCodeUnderThrottle(tx, context, account, "recovery_codes", () =>
      checkSecondFactor(tx, context, account, code),
    );
    if (!result.ok) {
      return result.reason === "locked"
        ? { outcome: "refused", reason: "locked", retryAfterMinutes: result.retryAfterMinutes }
        : { outcome: "refused", reason: "wrong_code" };
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, context.clock, account.id);
    await auditAuth(tx, context, { action: "auth.recovery_codes_regenerated", outcome: "success", account });
    return { outcome: "regenerated", recoveryCodes };
  });
}
