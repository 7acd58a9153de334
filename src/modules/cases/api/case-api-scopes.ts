import type { FastifyReply, FastifyRequest } from "fastify";
import type { Queryable } from "../../../platform/db/index.js";
import { type ApiKeyScope, type Principal, requireApiScope } from "../../access/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";

/**
 * The API key scopes that reach a case type, from who may apply for it: hosts register guests
 * (`stay-registrations:*`), employers apply for their employees (`work-permits:*`). A type only
 * applicants themselves apply for has no scope: a key cannot act for a foreign national.
 */
const scopesByApplicant: Record<
  CaseTypeDefinition["applicants"][number],
  { read: ApiKeyScope; write: ApiKeyScope } | null
> = {
  host: { read: "stay-registrations:read", write: "stay-registrations:write" },
  employer: { read: "work-permits:read", write: "work-permits:write" },
  applicant: null,
  staff: null,
};

export function apiScopesFor(definition: CaseTypeDefinition, access: "read" | "write"): ApiKeyScope[] {
  return definition.applicants.flatMap((kind) => {
    const scopes = scopesByApplicant[kind];
    if (!scopes) return [];
    // Writing implies reading: an integration that registers guests may follow what it registered.
    return access === "write" ? [scopes.write] : [scopes.read, scopes.write];
  });
}

/**
 * Whether an API key may see cases of this type at all (any of its read or write scopes). A type
 * without a scope is left to the permission check, which refuses every key.
 */
export function keyMayReadCaseType(
  principal: Pick<Principal, "apiKeyScopes">,
  definition: CaseTypeDefinition,
): boolean {
  const scopes = apiScopesFor(definition, "read");
  return scopes.length === 0 || scopes.some((scope) => principal.apiKeyScopes?.includes(scope));
}

/**
 * Refuses (403 `insufficient_scope`, audited) an API key holding none of the scopes this case
 * type needs. Signed-in people using the API from their browser are not limited by scopes, and a
 * type without a scope is left to the permission check, which refuses every key.
 */
export async function requireScopeForCaseType(
  db: Queryable,
  request: FastifyRequest,
  reply: FastifyReply,
  definition: CaseTypeDefinition,
  access: "read" | "write",
): Promise<void> {
  const principal = request.principal;
  const needed = apiScopesFor(definition, access);
  if (!principal?.apiKeyId || needed.length === 0) return;
  if (needed.some((scope) => principal.apiKeyScopes?.includes(scope))) return;
  await requireApiScope(db, needed[0] as ApiKeyScope)(request, reply);
}
