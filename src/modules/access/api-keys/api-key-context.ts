import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import { UnauthenticatedError } from "../../../platform/errors/index.js";
import type { AccessModule } from "../module.js";
import { actorOf, type Principal } from "../principal.js";
import { requestOrigin } from "../request-context.js";

/** What an API key operation needs: the owner acting, from where, and the services it uses. */
export interface ApiKeyContext {
  db: Database;
  clock: Clock;
  principal: Principal;
  ip?: string | undefined;
  requestId?: string | undefined;
}

export function apiKeyContextFrom(request: FastifyRequest, access: AccessModule): ApiKeyContext {
  if (!request.principal) throw new UnauthenticatedError();
  return { db: access.db, clock: access.clock, principal: request.principal, ...requestOrigin(request) };
}

export function authorizationOf(context: ApiKeyContext) {
  return { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId };
}

export function auditOrigin(context: ApiKeyContext) {
  return { actor: actorOf(context.principal), ip: context.ip, requestId: context.requestId };
}
