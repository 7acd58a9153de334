import { eq } from "drizzle-orm";
import { recordAudit } from "../record-audit.js";
import { recoveryCodes, users } from "../schema.js";
import { destroyUserSessions } from "../sessions.js";
import { type AdminContext, auditOrigin } from "./admin-context.js";
import { findManagedUser } from "./view-user.js";

/**
 * For someone who lost their authenticator: clears the TOTP secret and the recovery codes, and
 * ends their sessions, so that at their next sign-in they enrol again from the start.
 */
export async function resetUserMfa(context: AdminContext, userId: string): Promise<void> {
  const user = await findManagedUser(context, userId);
  await context.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        mfaSecretEncrypted: null,
        mfaEnabledAt: null,
        mfaLastStep: null,
        updatedAt: context.clock.now(),
      })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await destroyUserSessions(tx, user.id);
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "user.mfa_reset",
      outcome: "success",
      entityType: "user",
      entityId: user.id,
      agencyId: user.agencyId,
    });
  });
}
