import { and, eq, sql } from "drizzle-orm";
import { countryProfile } from "../../platform/country/index.js";
import type { Queryable } from "../../platform/db/index.js";
import { builtInRoles, permissions } from "./permissions.js";
import { agencies, grantedPermissionDefaults, roles } from "./schema.js";

/**
 * Creates the built-in roles and the country's agencies (from its profile) when missing, and grants
 * permissions that a newer version introduced to the built-in roles that hold them by default. Never
 * overwrites: once an administrator has changed a role's permissions, that change stays.
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
      countryProfile().agencies.map((agency) => ({
        code: agency.code,
        kind: agency.kind,
        region: agency.region ?? null,
        nameAz: agency.names.az,
        nameEn: agency.names.en,
        nameRu: agency.names.ru,
      })),
    )
    .onConflictDoNothing({ target: agencies.code });
  await grantIntroducedPermissions(db);
}

/** Each permission's default grants are given once; taking one away later is not undone. */
async function grantIntroducedPermissions(db: Queryable): Promise<void> {
  const granted = new Set(
    (
      await db.select({ permission: grantedPermissionDefaults.permission }).from(grantedPermissionDefaults)
    ).map((row) => row.permission),
  );
  for (const permission of permissions.filter((one) => !granted.has(one))) {
    for (const role of builtInRoles.filter((one) => one.permissions.includes(permission))) {
      await db
        .update(roles)
        .set({ permissions: sql`array_append(${roles.permissions}, ${permission})` })
        .where(
          and(
            eq(roles.code, role.code),
            eq(roles.builtIn, true),
            sql`not (${permission} = any(${roles.permissions}))`,
          ),
        );
    }
    await db.insert(grantedPermissionDefaults).values({ permission }).onConflictDoNothing();
  }
}
