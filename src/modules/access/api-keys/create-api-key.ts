import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { apiKeys } from "../schema.js";
import { type ApiKeyContext, auditOrigin, authorizationOf } from "./api-key-context.js";
import { generateApiKey } from "./api-key-format.js";
import { countUsableApiKeysOf } from "./api-key-repository.js";
import { scopesOfferedTo } from "./api-key-scopes.js";

/** A limit on keys that work at the same time, so that forgotten keys do not pile up. */
export const maxUsableApiKeys = 20;

export interface NewApiKey {
  name: string;
  scopes: string[];
  /** Days until the key stops working; null for a key that works until revoked. */
  expiresInDays: number | null;
}

export interface CreatedApiKey {
  id: string;
  /** The whole key. Shown to the owner once; only its hash is stored. */
  key: string;
  prefix: string;
  expiresAt: Date | null;
}

/**
 * A host or employer creates a key for one of their systems. The key carries only scopes whose
 * permissions the owner holds, and the plain key leaves this function once, to be shown once.
 */
export async function createApiKey(context: ApiKeyContext, input: NewApiKey): Promise<CreatedApiKey> {
  await authorize(authorizationOf(context), "api_keys.manage_own");
  const offered = new Set(scopesOfferedTo(context.principal.permissions).map((scope) => scope.code));
  const scopes = [...new Set(input.scopes)].sort();
  if (scopes.length === 0 || scopes.some((scope) => !offered.has(scope))) {
    throw new DomainError("unknown_scope", 422, "apiKeys.errors.scopeRequired");
  }
  const now = context.clock.now();
  if ((await countUsableApiKeysOf(context.db, context.principal.userId, now)) >= maxUsableApiKeys) {
    throw new ConflictError("too_many_api_keys", "apiKeys.errors.tooManyKeys");
  }
  const expiresAt =
    input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const material = generateApiKey();

  const id = await context.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        userId: context.principal.userId,
        name: input.name,
        prefix: material.prefix,
        keyHash: material.hash,
        scopes,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: apiKeys.id });
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "api_key.created",
      outcome: "success",
      entityType: "api_key",
      entityId: created.id,
      details: {
        prefix: material.prefix,
        scopes: scopes.join(","),
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return created.id;
  });
  return { id, key: material.key, prefix: material.prefix, expiresAt };
}
