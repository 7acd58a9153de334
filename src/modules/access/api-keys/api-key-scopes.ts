import type { Permission } from "../permissions.js";

export interface ApiKeyScopeDefinition {
  code: string;
  /**
   * The owner's permissions a key with this scope may use. A key's permissions are the owner's
   * permissions intersected with the union of its scopes' lists, so a key never exceeds its owner.
   */
  allows: readonly Permission[];
  /** Translation keys: apiKeys.scopes.<textKey>.name / .description. */
  textKey: string;
}

/** The scope catalogue. API routes name the scope they need (see require-api-scope.ts). */
export const apiKeyScopes: readonly ApiKeyScopeDefinition[] = [
  { code: "profile:read", allows: [], textKey: "profileRead" },
  { code: "stay-registrations:read", allows: ["portal.register_guests"], textKey: "stayRegistrationsRead" },
  { code: "stay-registrations:write", allows: ["portal.register_guests"], textKey: "stayRegistrationsWrite" },
  { code: "work-permits:read", allows: ["portal.employer"], textKey: "workPermitsRead" },
  { code: "work-permits:write", allows: ["portal.employer"], textKey: "workPermitsWrite" },
];

export type ApiKeyScope =
  | "profile:read"
  | "stay-registrations:read"
  | "stay-registrations:write"
  | "work-permits:read"
  | "work-permits:write";

/** The scopes worth offering to an owner: those whose permissions the owner holds. */
export function scopesOfferedTo(owner: ReadonlySet<Permission>): ApiKeyScopeDefinition[] {
  return apiKeyScopes.filter((scope) => scope.allows.every((permission) => owner.has(permission)));
}

/** Every permission the given scopes allow together. */
export function permissionsAllowedBy(scopes: readonly string[]): Set<Permission> {
  return new Set(
    apiKeyScopes.filter((scope) => scopes.includes(scope.code)).flatMap((scope) => scope.allows),
  );
}

export function scopeTextKeys(scope: ApiKeyScopeDefinition): { name: string; description: string } {
  return {
    name: `apiKeys.scopes.${scope.textKey}.name`,
    description: `apiKeys.scopes.${scope.textKey}.description`,
  };
}
