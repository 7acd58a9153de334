import type { Queryable } from "../../platform/db/index.js";
import { builtInRoles, referenceAgencies } from "./permissions.js";
import { agencies, roles } from "./schema.js";

/**
 * Creates the built-in roles and the reference agencies when missing. Never overwrites: once an
 * administrator has changed a role's permissions, that change stays.
 */
export async function ensureReferenceData(db: Queryable): Promise<void> {
  await db
    .insert(roles)
    .values(
      builtInRoles.map((role) => ({
        code: role.code,
        nameAz: role.names.az,
        nameEn: role.names.en,
        nameRu: role.names.ru,
        staff: role.staff,
        builtIn: true,
        permissions: role.permissions,
      })),
    )
    .onConflictDoNothing({ target: roles.code });
  await db
    .insert(agencies)
    .values(
      referenceAgencies.map((agency) => ({
        code: agency.code,
        kind: agency.kind,
        region: agency.region ?? null,
        nameAz: agency.names.az,
        nameEn: agency.names.en,
        nameRu: agency.names.ru,
      })),
    )
    .onConflictDoNothing({ target: agencies.code });
}
