import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../../platform/clock/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { Database } from "../../platform/db/index.js";
import { DomainError, UnauthenticatedError } from "../../platform/errors/index.js";
import { wantsJson } from "../../platform/http/index.js";
import { bearerToken } from "./api-keys/api-key-format.js";
import { authorize, type ProtectedRecord } from "./authorize.js";
import type { Permission } from "./permissions.js";
import type { Principal } from "./principal.js";
import { loadSessionHolder } from "./principal-repository.js";
import { hashToken, keepSessionLive, sessionCookie } from "./sessions.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user (session with every factor passed) or API key holder; null when anonymous. */
    principal: Principal | null;
    /** A session that has passed the password but still owes the second factor. */
    pendingMfa: { userId: string; sessionIdHash: string } | null;
  }
}

/** Finds who is calling from an API key header; provided by the API keys feature. */
export type ApiKeyAuthenticator = (request: FastifyRequest) => Promise<Principal | null>;

export interface AccessContextOptions {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  authenticateApiKey?: ApiKeyAuthenticator;
}

export function sessionCookieOptions(config: KarvanConfig) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: !config.insecureCookies,
  };
}

/** Loads the caller on every request: API key first (machines), else the session cookie (people). */
export function registerAccessContext(app: FastifyInstance, options: AccessContextOptions): void {
  app.decorateRequest("principal", null);
  app.decorateRequest("pendingMfa", null);
  app.addHook("onRequest", async (request, reply) => {
    if (request.url.startsWith("/assets/") || request.url === "/health") return;
    // The metrics' bearer token is Prometheus' credential, which the metrics route checks itself.
    if (request.routeOptions.url === "/metrics") return;
    if (request.usesApiKey) {
      request.principal = options.authenticateApiKey ? await options.authenticateApiKey(request) : null;
      return;
    }
    // A key is a credential for the JSON API only: it never opens a page meant for a person.
    if (bearerToken(request.headers.authorization) !== null) {
      throw new DomainError("api_key_not_accepted", 403, "apiKeys.errors.notAcceptedHere");
    }
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const idHash = hashToken(token);
    const holder = await loadSessionHolder(options.db, idHash);
    const session = holder
      ? await keepSessionLive(options.db, options.clock, idHash, holder.session, holder.kind)
      : null;
    if (!session) {
      reply.clearCookie(sessionCookie, sessionCookieOptions(options.config));
      return;
    }
    if (!session.mfaPassed) {
      request.pendingMfa = { userId: session.userId, sessionIdHash: session.idHash };
      return;
    }
    const principal = holder?.principal;
    if (!principal) return;
    principal.sessionIdHash = session.idHash;
    request.principal = principal;
    request.viewContext.user = {
      fullName: principal.fullName,
      kind: principal.kind,
      roles: principal.roles,
      permissions: [...principal.permissions],
    };
  });
}

function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (request.principal) return undefined;
  if (wantsJson(request) || request.method !== "GET") throw new UnauthenticatedError();
  const next = encodeURIComponent(request.url);
  return reply.redirect(`/sign-in?next=${next}`, 303);
}

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

export interface Guards {
  /** A signed-in person or an API key holder. */
  requireSignedIn: Guard;
  /**
   * A permission that does not depend on a particular record. Operations that act on a record
   * call `authorize` with the record as well.
   */
  requirePermission(permission: Permission): Guard;
}

export function createGuards(db: Database): Guards {
  return {
    requireSignedIn: async (request, reply) => refuseAnonymous(request, reply),
    requirePermission: (permission) => async (request, reply) => {
      const redirected = refuseAnonymous(request, reply);
      if (redirected) return redirected;
      await authorize({ db, principal: request.principal, ...requestOrigin(request) }, permission);
      return undefined;
    },
  };
}

/** Where a request came from, for audit records. */
export function requestOrigin(request: FastifyRequest): { ip: string; requestId: string } {
  return { ip: request.ip, requestId: String(request.id) };
}

export type { ProtectedRecord };
