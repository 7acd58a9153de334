import type { FastifyReply, FastifyRequest } from "fastify";
import type { Queryable } from "../../../platform/db/index.js";
import { ForbiddenError, UnauthenticatedError } from "../../../platform/errors/index.js";
import { actorOf } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import { requestOrigin } from "../request-context.js";
import type { ApiKeyScope } from "./api-key-scopes.js";

/**
 * A guard for JSON API routes: a caller with an API key needs this scope on the key (403
 * `insufficient_scope` otherwise, audited). A signed-in person using the API from their browser
 * session is not limited by scopes; their permissions still apply in the operation.
 */
export function requireApiScope(db: Queryable, scope: ApiKeyScope) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<undefined> => {
    const principal = request.principal;
    if (!principal) throw new UnauthenticatedError();
    if (!principal.apiKeyId || principal.apiKeyScopes?.includes(scope)) return undefined;
    await recordAudit(db, {
      actor: actorOf(principal),
      action: "access.denied",
      outcome: "denied",
      entityType: "api_key",
      entityId: principal.apiKeyId,
      ...requestOrigin(request),
      details: { scope, reason: "insufficient_scope" },
    });
    throw new ForbiddenError("insufficient_scope");
  };
}
