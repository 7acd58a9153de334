import { eq } from "drizzle-orm";
import { DomainError } from "../../../platform/http/index.js";
import { recordAudit } from "../record-audit.js";
import { users } from "../schema.js";
import { destroyUserSessions } from "../sessions.js";
import { type AdminContext, auditOrigin } from "./admin-context.js";
import { findManagedUser } from "./view-user.js";

/**
 * Disables an account: it can no longer sign in, its open sessions end at once, and its API keys
 * stop working (they are refused while the owner is not active). An administrator cannot disable
 * themselves, so that an installation is never left with nobody to undo it.
 */
export async function disableUser(context: AdminContext, userId: string): Promise<void> {
  const user = await findManagedUser(context, userId);
  if (user.id === context.principal.userId) {
    throw new DomainError("cannot_disable_self", 422, "admin.errors.cannotDisableSelf");
  }
  if (user.status === "disabled") return;
  await context.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ status: "disabled", updatedAt: context.clock.now() })
      .where(eq(users.id, user.id));
    await destroyUserSessions(tx, user.id);
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "user.disabled",
      outcome: "success",
      entityType: "user",
      entityId: user.id,
      agencyId: user.agencyId,
      details: { previousStatus: user.status },
    });
  });
}
