import type { Queryable } from "../../platform/db/index.js";
import { ForbiddenError } from "../../platform/errors/index.js";
import { authorize, type Permission, type ProtectedRecord } from "../access/index.js";
import type { CasesContext } from "./cases-context.js";
import type { CaseTypeDefinition } from "./definition/case-type.js";
import type { CaseState } from "./engine/case-state.js";

/** Case operations check inside their transaction; the refusal is audited after it rolls back. */
const deferred = { deferAudit: true };

type PublicApplicant = Exclude<CaseTypeDefinition["applicants"][number], "staff">;

const applicantPermissions: Record<PublicApplicant, Permission> = {
  applicant: "portal.apply",
  host: "portal.register_guests",
  employer: "portal.employer",
};

/** The permission a public user needs to apply for this case type. */
export function applyPermission(
  definition: CaseTypeDefinition,
  principalPermissions: ReadonlySet<Permission>,
): Permission {
  const kinds = definition.applicants.filter((kind): kind is PublicApplicant => kind !== "staff");
  const held = kinds
    .map((kind) => applicantPermissions[kind])
    .find((permission) => principalPermissions.has(permission));
  return held ?? applicantPermissions[kinds[0] ?? "applicant"];
}

export function caseRecord(state: CaseState): ProtectedRecord {
  return {
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ownerUserId: state.applicantUserId,
  };
}

/**
 * Checks who may act on this case: "applicant" means the case's own applicant (a public user
 * holding the permission to apply for this type); anything else is a staff permission, scoped to
 * the case's agency. Refusals are audited by `authorize`.
 */
export async function authorizeOnCase(
  context: CasesContext,
  db: Queryable,
  allowed: "applicant" | string,
  state: CaseState,
  definition: CaseTypeDefinition,
): Promise<void> {
  const origin = { db, principal: context.principal, ip: context.ip, requestId: context.requestId };
  if (allowed === "applicant") {
    if (context.principal?.kind !== "public") {
      // Staff never hold the applicants' permissions, so this refuses (and audits the refusal).
      await authorize(origin, "portal.apply", caseRecord(state), deferred);
      throw new ForbiddenError();
    }
    await authorize(
      origin,
      applyPermission(definition, context.principal.permissions),
      caseRecord(state),
      deferred,
    );
    return;
  }
  await authorize(origin, allowed as Permission, caseRecord(state), deferred);
  const readNeeded = definition.access?.read;
  // A type only some roles may see (asylum): acting on its cases needs that too.
  if (readNeeded) await authorize(origin, readNeeded as Permission, caseRecord(state), deferred);
}
