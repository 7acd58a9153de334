import type { FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError } from "../../../platform/errors/index.js";
import { authorize, type Permission, requestOrigin } from "../../access/index.js";
import type { CasesModule } from "../module.js";

const portalPermissions: Permission[] = ["portal.apply", "portal.register_guests", "portal.employer"];

/**
 * The e-services are for applicants, hosts and employers signed in with their browser. Staff
 * have their workspace; API keys have the JSON API (these forms rely on the session's CSRF
 * protection, which an API key request skips, so a key must not reach them).
 */
export function requirePortalUser(cases: CasesModule) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const redirected = await cases.guards.requireSignedIn(request, reply);
    if (redirected) return redirected;
    const principal = request.principal;
    if (
      principal?.kind === "public" &&
      !principal.apiKeyId &&
      portalPermissions.some((permission) => principal.permissions.has(permission))
    ) {
      return undefined;
    }
    // Audits the refusal (staff and keys never hold the portal's permissions).
    await authorize(
      { db: cases.db, principal: principal ?? null, ...requestOrigin(request) },
      "portal.apply",
    );
    throw new ForbiddenError();
  };
}
