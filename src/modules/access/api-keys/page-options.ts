import type { AccessModule } from "../module.js";

/** The owner's key pages: public accounts holding `api_keys.manage_own`, in a browser session. */
export function ownKeysPage(access: AccessModule) {
  return { preHandler: access.guards.requirePermission("api_keys.manage_own"), schema: { hide: true } };
}
