import type { AccessModule } from "../module.js";

// Each administration page is guarded by the permission of what it manages.

export function usersPage(access: AccessModule) {
  return { preHandler: access.guards.requirePermission("admin.users"), schema: { hide: true } };
}

export function rolesPage(access: AccessModule) {
  return { preHandler: access.guards.requirePermission("admin.roles"), schema: { hide: true } };
}

export function agenciesPage(access: AccessModule) {
  return { preHandler: access.guards.requirePermission("admin.agencies"), schema: { hide: true } };
}
