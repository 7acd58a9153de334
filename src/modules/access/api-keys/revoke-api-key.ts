import { and, eq, isNull } from "drizzle-orm";
import { NotFoundError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { apiKeys } from "../schema.js";
import { type ApiKeyContext, auditOrigin, authorizationOf } from "./api-key-context.js";
import { type ApiKeyRow, findApiKeyOf } from "./api-key-repository.js";
import { forgetApiKey } from "./authenticate-api-key.js";

/** One of the caller's own keys, checked as their record; anyone else's key is a 404. */
export async function findOwnApiKey(context: ApiKeyContext, keyId: string): Promise<ApiKeyRow> {
  const key = await findApiKeyOf(context.db, context.principal.userId, keyId);
  await authorize(authorizationOf(context), "api_keys.manage_own", {
    entityType: "api_key",
    entityId: keyId,
    ownerUserId: key?.userId ?? null,
  });
  if (!key) throw new NotFoundError();
  return key;
}

/** Revokes a key: from the next request on, it is refused. Revoking twice changes nothing. */
export async function revokeApiKey(context: ApiKeyContext, keyId: string): Promise<void> {
  const key = await findOwnApiKey(context, keyId);
  if (key.revokedAt) return;
  await context.db.transaction(async (tx) => {
    await tx
      .update(apiKeys)
      .set({ revokedAt: context.clock.now() })
      .where(and(eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt)));
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "api_key.revoked",
      outcome: "success",
      entityType: "api_key",
      entityId: key.id,
      details: { prefix: key.prefix },
    });
  });
  forgetApiKey(key.prefix);
}
