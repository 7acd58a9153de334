import { authorize } from "../authorize.js";
import { type ApiKeyContext, authorizationOf } from "./api-key-context.js";
import { type ApiKeyRow, listApiKeysOf } from "./api-key-repository.js";

export type ApiKeyStatus = "active" | "expired" | "revoked";

export interface ApiKeySummary extends ApiKeyRow {
  status: ApiKeyStatus;
}

export function apiKeyStatus(key: ApiKeyRow, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

/** The caller's own keys, newest first; never anyone else's and never the secret part. */
export async function listOwnApiKeys(context: ApiKeyContext): Promise<ApiKeySummary[]> {
  await authorize(authorizationOf(context), "api_keys.manage_own");
  const now = context.clock.now();
  const keys = await listApiKeysOf(context.db, context.principal.userId);
  return keys.map((key) => ({ ...key, status: apiKeyStatus(key, now) }));
}
