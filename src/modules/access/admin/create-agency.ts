import { ConflictError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { agencies } from "../schema.js";
import { type AdminContext, auditOrigin, authorizationOf } from "./admin-context.js";
import type { AgencyForm } from "./admin-forms.js";
import { agencyCodeTaken } from "./admin-repository.js";

/**
 * A new agency. Agencies scope everybody's access, so creating one is a national act: it needs
 * scope.all_agencies besides admin.agencies.
 */
export async function createAgency(context: AdminContext, input: AgencyForm): Promise<{ id: string }> {
  await authorize(authorizationOf(context), "admin.agencies");
  await authorize(authorizationOf(context), "scope.all_agencies");
  if (await agencyCodeTaken(context.db, input.code)) {
    throw new ConflictError("agency_code_taken", "admin.errors.agencyCodeTaken");
  }
  return context.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(agencies)
      .values({
        code: input.code,
        kind: input.kind,
        nameAz: input.nameAz,
        nameEn: input.nameEn,
        nameRu: input.nameRu,
        region: input.region,
        createdAt: context.clock.now(),
      })
      .returning({ id: agencies.id });
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "agency.created",
      outcome: "success",
      entityType: "agency",
      entityId: created.id,
      agencyId: created.id,
      details: { code: input.code, kind: input.kind },
    });
    return created;
  });
}
