import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import { UnauthenticatedError } from "../../../platform/http/index.js";
import type { Principal } from "../principal.js";
import { loadPrincipal } from "../principal-repository.js";
import { apiKeyMatches, apiKeyPrefix, bearerToken } from "./api-key-format.js";
import { findApiKeyByPrefix, touchApiKey } from "./api-key-repository.js";
import { permissionsAllowedBy } from "./api-key-scopes.js";

/**
 * Finds who calls with `Authorization: Bearer kvn_...`. Any bearer token that is not a working key
 * (malformed, unknown, wrong secret, revoked, expired, or its owner disabled or no longer allowed
 * keys) is refused with 401 `invalid_api_key`, without saying which. Other schemes are ignored
 * (the caller stays anonymous). The principal carries the owner's permissions narrowed to what the
 * key's scopes allow.
 */
export function createApiKeyAuthenticator(dependencies: { db: Queryable; clock: Clock }) {
  const { db, clock } = dependencies;
  return async function authenticateApiKey(request: FastifyRequest): Promise<Principal | null> {
    const key = bearerToken(request.headers.authorization);
    if (key === null) return null;
    const prefix = apiKeyPrefix(key);
    const stored = prefix ? await findApiKeyByPrefix(db, prefix) : null;
    if (!stored || !apiKeyMatches(key, stored.keyHash)) throw new UnauthenticatedError("invalid_api_key");
    const now = clock.now();
    if (stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now)) {
      throw new UnauthenticatedError("invalid_api_key");
    }
    const owner = await loadPrincipal(db, stored.userId);
    if (!owner?.permissions.has("api_keys.manage_own")) throw new UnauthenticatedError("invalid_api_key");
    if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() >= 60_000) {
      await touchApiKey(db, stored.id, now);
    }
    const allowed = permissionsAllowedBy(stored.scopes);
    return {
      ...owner,
      permissions: new Set([...owner.permissions].filter((permission) => allowed.has(permission))),
      apiKeyId: stored.id,
      apiKeyScopes: stored.scopes,
    };
  };
}
