import { eq } from "drizzle-orm";
import { ConflictError, NotFoundError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { agencies } from "../schema.js";
import { type AdminContext, auditOrigin, authorizationOf } from "./admin-context.js";
import type { AgencyForm } from "./admin-forms.js";
import { type AgencyWithUsage, agencyCodeTaken, findAgency } from "./admin-repository.js";

/** An agency the administrator manages (their own, or any with scope.all_agencies); else 404. */
export async function findManagedAgency(context: AdminContext, agencyId: string): Promise<AgencyWithUsage> {
  const agency = await findAgency(context.db, agencyId);
  if (!agency) {
    await authorize(authorizationOf(context), "admin.agencies");
    throw new NotFoundError();
  }
  await authorize(authorizationOf(context), "admin.agencies", {
    entityType: "agency",
    entityId: agency.id,
    agencyId: agency.id,
  });
  return agency;
}

/** Changes an agency's code, kind, names or region. */
export async function updateAgency(
  context: AdminContext,
  agencyId: string,
  input: AgencyForm,
): Promise<void> {
  const agency = await findManagedAgency(context, agencyId);
  if (await agencyCodeTaken(context.db, input.code, agency.id)) {
    throw new ConflictError("agency_code_taken", "admin.errors.agencyCodeTaken");
  }
  const changed = (["code", "kind", "nameAz", "nameEn", "nameRu", "region"] as const).filter(
    (field) => agency[field] !== input[field],
  );
  if (changed.length === 0) return;
  await context.db.transaction(async (tx) => {
    await tx
      .update(agencies)
      .set({
        code: input.code,
        kind: input.kind,
        nameAz: input.nameAz,
        nameEn: input.nameEn,
        nameRu: input.nameRu,
        region: input.region,
      })
      .where(eq(agencies.id, agency.id));
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "agency.updated",
      outcome: "success",
      entityType: "agency",
      entityId: agency.id,
      agencyId: agency.id,
      details: { changed: changed.join(",") },
    });
  });
}
