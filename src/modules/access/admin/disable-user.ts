import { eq } from "drizzle-orm";
import { DomainError } from "../../../platform/errors/index.js";
import { revokeAllApiKeysOf } from "../api-keys/api-key-repository.js";
import { forgetApiKey } from "../api-keys/authenticate-api-key.js";
import { recordAudit } from "../record-audit.js";
import { users } from "../schema.js";
import { destroyUserSessions } from "../sessions.js";
import { type AdminContext, auditOrigin } from "./admin-context.js";
import { findManagedUser } from "./view-user.js";

/**
 * Disables an account: it can no longer sign in, its open sessions end at once, and its API keys
 * are revoked. Revoking rather than merely refusing them while the owner is disabled means that
 * enabling the account later does not silently bring back keys that may have leaked with it; the
 * owner creates new ones. An administrator cannot disable themselves, so that an installation is
 * never left with nobody to undo it.
 */
export async function disableUser(context: AdminContext, userId: string): Promise<void> {
  const user = await findManagedUser(context, userId);
  if (user.id === context.principal.userId) {
    throw new DomainError("cannot_disable_self", 422, "admin.errors.cannotDisableSelf");
  }
  if (user.status === "disabled") return;
  const now = context.clock.now();
  const revokedPrefixes = await context.db.transaction(async (tx) => {
    await tx.update(users).set({ status: "disabled", updatedAt: now }).where(eq(users.id, user.id));
    await destroyUserSessions(tx, user.id);
    const prefixes = await revokeAllApiKeysOf(tx, user.id, now);
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "user.disabled",
      outcome: "success",
      entityType: "user",
      entityId: user.id,
      agencyId: user.agencyId,
      details: { previousStatus: user.status, revokedApiKeys: prefixes.join(" ") },
    });
    return prefixes;
  });
  for (const prefix of revokedPrefixes) forgetApiKey(prefix);
}
