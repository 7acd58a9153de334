import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database } from "../../../platform/db/index.js";
import { UnauthenticatedError } from "../../../platform/errors/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { AuthorizationContext, ProtectedRecord } from "../authorize.js";
import type { AccessModule } from "../module.js";
import { actorOf, type Principal } from "../principal.js";
import { requestOrigin } from "../request-context.js";

/** What an administration operation needs: who acts, from where, and the services it uses. */
export interface AdminContext {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  mailer: Mailer;
  principal: Principal;
  ip?: string | undefined;
  requestId?: string | undefined;
}

export function adminContextFrom(request: FastifyRequest, access: AccessModule): AdminContext {
  if (!request.principal) throw new UnauthenticatedError();
  return {
    db: access.db,
    clock: access.clock,
    config: access.config,
    mailer: access.mailer,
    principal: request.principal,
    ...requestOrigin(request),
  };
}

/** The same context for `authorize`, optionally bound to a transaction. */
export function authorizationOf(context: AdminContext, db: AuthorizationContext["db"] = context.db) {
  return { db, principal: context.principal, ip: context.ip, requestId: context.requestId };
}

/** The audit fields every administration record carries. */
export function auditOrigin(context: AdminContext) {
  return {
    actor: actorOf(context.principal),
    ip: context.ip,
    requestId: context.requestId,
  };
}

/**
 * Public accounts belong to no agency, and `decide` lets a record without an agency through. So
 * that only administrators with scope.all_agencies manage public accounts, such a record is
 * checked as belonging to an agency that no staff member has (the nil UUID).
 */
const outsideEveryAgency = "00000000-0000-0000-0000-000000000000";

/** A user account as the record an administrator acts on. */
export function userRecord(user: { id: string; agencyId: string | null }): ProtectedRecord {
  return { entityType: "user", entityId: user.id, agencyId: user.agencyId ?? outsideEveryAgency };
}
