import type { FastifyReply, FastifyRequest } from "fastify";
import type { CasesModule } from "../../cases/index.js";

/**
 * The pages of a person's own data are for members of the public signed in with their browser:
 * applicants, hosts and employers. Staff are sent to their workspace (their own data is the
 * administrators' business); an API key never reaches these pages, which rely on the session's
 * CSRF protection.
 */
export function requireDataSubject(cases: CasesModule) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const redirected = await cases.guards.requireSignedIn(request, reply);
    if (redirected) return redirected;
    const principal = request.principal;
    if (principal?.kind === "public" && !principal.apiKeyId) return undefined;
    return reply.redirect(principal?.kind === "staff" ? "/staff" : "/account", 303);
  };
}
