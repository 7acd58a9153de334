import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * An API key reads `kvn_<prefix>_<secret>`: the prefix (12 hex digits) finds the row and is shown
 * to the owner; the secret is 32 random bytes in base64url. Only the SHA-256 of the whole key is
 * stored: the key is long and random, so a slow password hash would add nothing.
 */
const keyPattern = /^kvn_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKeyMaterial {
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): NewApiKeyMaterial {
  const prefix = randomBytes(6).toString("hex");
  const key = `kvn_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The prefix of a well-formed key; null for anything else. */
export function apiKeyPrefix(key: string): string | null {
  return keyPattern.exec(key)?.[1] ?? null;
}

/** The key in an `Authorization: Bearer <key>` header, or null when the header is not a bearer token. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
