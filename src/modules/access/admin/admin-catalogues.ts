import { type Permission, permissions } from "../permissions.js";

/** Kinds of agency an installation can hold; the names are translated under admin.agencyKinds. */
export const agencyKinds = [
  "migration_service",
  "labour",
  "border",
  "foreign_affairs",
  "regional",
  "local_administration",
  "court",
  "other",
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

/** Permissions that make sense on public accounts (applicants, hosts, employers) only. */
const publicOnly: ReadonlySet<Permission> = new Set([
  "portal.apply",
  "portal.register_guests",
  "portal.employer",
  "api_keys.manage_own",
]);

/**
 * The permissions a role of this kind may hold. Staff roles never carry portal permissions, and
 * public roles never carry staff ones: a public account must not reach case work by a role edit.
 */
export function permissionsForRoleKind(staff: boolean): Permission[] {
  return permissions.filter((permission) => publicOnly.has(permission) !== staff);
}

/** Translation keys of a permission's name and description (admin.permissions.<permission>). */
export function permissionTextKeys(permission: Permission): { name: string; description: string } {
  return {
    name: `admin.permissions.${permission}.name`,
    description: `admin.permissions.${permission}.description`,
  };
}

export const userStatuses = ["active", "pending_verification", "disabled"] as const;

/** A role, agency or other record name in the reader's language. */
export function nameIn(locale: string, names: { nameAz: string; nameEn: string; nameRu: string }): string {
  if (locale === "en") return names.nameEn;
  if (locale === "ru") return names.nameRu;
  return names.nameAz;
}
