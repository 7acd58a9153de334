import { and, count, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { isUuid } from "../id-params.js";
import { apiKeys } from "../schema.js";

export interface ApiKeyRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const publicColumns = {
  id: apiKeys.id,
  userId: apiKeys.userId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
};

export async function listApiKeysOf(db: Queryable, userId: string): Promise<ApiKeyRow[]> {
  return db
    .select(publicColumns)
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** One of the owner's keys; another person's key is simply not found. */
export async function findApiKeyOf(db: Queryable, userId: string, keyId: string): Promise<ApiKeyRow | null> {
  if (!isUuid(keyId)) return null;
  const [row] = await db
    .select(publicColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId)));
  return row ?? null;
}

/** Keys that still work: not revoked and not expired. */
export async function countUsableApiKeysOf(db: Queryable, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.userId, userId),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
      ),
    );
  return row?.total ?? 0;
}

/** Records use, at most once a minute per key, so that a busy integration does not write on every call. */
export async function touchApiKey(db: Queryable, keyId: string, now: Date): Promise<void> {
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, aMinuteAgo))));
}

/**
 * Revokes every key of a user that is not revoked yet, for good: enabling the account again later
 * does not bring them back. Returns the prefixes, so that the caller can forget them from memory.
 */
export async function revokeAllApiKeysOf(db: Queryable, userId: string, now: Date): Promise<string[]> {
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ prefix: apiKeys.prefix });
  return revoked.map((row) => row.prefix);
}
