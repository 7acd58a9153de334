import { and, eq, sql } from "drizzle-orm";
import { ConflictError } from "../../../platform/errors/index.js";
import { recordAudit } from "../record-audit.js";
import { agencies, users } from "../schema.js";
import { type AdminContext, auditOrigin } from "./admin-context.js";
import { findManagedAgency } from "./update-agency.js";

/**
 * Deactivates or reactivates an agency. An inactive agency cannot be chosen for new or moved staff.
 * Deactivation is refused while the agency still has accounts that are not disabled: its people
 * must first be moved to another agency or disabled, so that nobody works for an agency that
 * officially does not exist.
 */
export async function setAgencyActive(
  context: AdminContext,
  agencyId: string,
  active: boolean,
): Promise<void> {
  const agency = await findManagedAgency(context, agencyId);
  if (agency.active === active) return;
  if (!active && agency.liveUserCount > 0) {
    throw new ConflictError("agency_has_users", "admin.errors.agencyHasUsers");
  }
  await context.db.transaction(async (tx) => {
    const updated = await tx
      .update(agencies)
      .set({ active })
      .where(
        and(
          eq(agencies.id, agency.id),
          active
            ? sql`true`
            : sql`not exists (select 1 from ${users} where ${users.agencyId} = ${agencies.id} and ${users.status} <> 'disabled')`,
        ),
      )
      .returning({ id: agencies.id });
    if (updated.length === 0) throw new ConflictError("agency_has_users", "admin.errors.agencyHasUsers");
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "agency.updated",
      outcome: "success",
      entityType: "agency",
      entityId: agency.id,
      agencyId: agency.id,
      details: { active },
    });
  });
}
