import { eq } from "drizzle-orm";
import { recordAudit } from "../record-audit.js";
import { users } from "../schema.js";
import { type AdminContext, auditOrigin } from "./admin-context.js";
import { findManagedUser } from "./view-user.js";

/**
 * Enables a disabled account again. A public account whose e-mail address was never verified
 * goes back to waiting for verification rather than becoming active.
 */
export async function enableUser(context: AdminContext, userId: string): Promise<void> {
  const user = await findManagedUser(context, userId);
  if (user.status !== "disabled") return;
  const status = user.emailVerifiedAt || user.kind === "staff" ? "active" : "pending_verification";
  await context.db.transaction(async (tx) => {
    await tx.update(users).set({ status, updatedAt: context.clock.now() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "user.enabled",
      outcome: "success",
      entityType: "user",
      entityId: user.id,
      agencyId: user.agencyId,
      details: { status },
    });
  });
}
