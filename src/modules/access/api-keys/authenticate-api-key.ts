import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import { UnauthenticatedError } from "../../../platform/errors/index.js";
import type { Principal } from "../principal.js";
import { loadApiKeyWithOwner } from "../principal-repository.js";
import { apiKeyMatches, apiKeyPrefix, bearerToken } from "./api-key-format.js";
import { touchApiKey } from "./api-key-repository.js";
import { permissionsAllowedBy } from "./api-key-scopes.js";

type KeyWithOwner = NonNullable<Awaited<ReturnType<typeof loadApiKeyWithOwner>>>;

/**
 * How long a key and its owner are taken from memory. Systems send bursts (a hotel's arrivals),
 * and reading the key and its owner was half the database work of a stay registration. A key
 * revoked here is forgotten at once (`forgetApiKey`); a change made elsewhere (another instance,
 * an administrator disabling the owner) is seen within these two seconds.
 */
export const apiKeyMemoryMs = 2000;
const remembered = new Map<string, { found: KeyWithOwner | null; until: number }>();

/** The key with this prefix and its owner, from memory when read moments ago. */
async function keyWithOwner(db: Queryable, prefix: string, now: Date): Promise<KeyWithOwner | null> {
  const memory = remembered.get(prefix);
  if (memory && memory.until > now.getTime()) return memory.found;
  // The key and its owner in one round trip.
  const found = await loadApiKeyWithOwner(db, prefix);
  if (remembered.size >= 10_000) remembered.clear();
  remembered.set(prefix, { found, until: now.getTime() + apiKeyMemoryMs });
  return found;
}

/** Makes the next request with this key read it again (it was just revoked). */
export function forgetApiKey(prefix: string): void {
  remembered.delete(prefix);
}

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
    const now = clock.now();
    const found = prefix ? await keyWithOwner(db, prefix, now) : null;
    const stored = found?.key;
    if (!stored || !apiKeyMatches(key, stored.keyHash)) throw new UnauthenticatedError("invalid_api_key");
    if (stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now)) {
      throw new UnauthenticatedError("invalid_api_key");
    }
    const owner = found.owner;
    if (!owner?.permissions.has("api_keys.manage_own")) throw new UnauthenticatedError("invalid_api_key");
    if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() >= 60_000) {
      await touchApiKey(db, stored.id, now);
      stored.lastUsedAt = now;
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
