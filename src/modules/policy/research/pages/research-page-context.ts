import type { FastifyReply, FastifyRequest } from "fastify";
import type { Guard } from "../../../access/index.js";
import type { ResearchContext, ResearchServices } from "../research-services.js";

/** The operation context of the person making this request. */
export function researchContextFor(services: ResearchServices, request: FastifyRequest): ResearchContext {
  return { ...services, principal: request.principal, ip: request.ip, requestId: String(request.id) };
}

/**
 * Researchers' pages are for members of the public signed in with their browser; staff are sent to
 * their workspace, and an API key never reaches these pages (they rely on the session's CSRF check).
 */
export function requireResearcher(services: ResearchServices): Guard {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const redirected = await services.guards.requireSignedIn(request, reply);
    if (redirected) return redirected;
    const principal = request.principal;
    if (principal?.kind === "public" && !principal.apiKeyId) return undefined;
    return reply.redirect(principal?.kind === "staff" ? "/staff" : "/account", 303);
  };
}

/** A query-string or form value as trimmed text ("" when absent or repeated). */
export function textOf(source: unknown, name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim() : "";
}

/** A form value that may repeat (checkboxes), as a list of strings. */
export function listOf(source: unknown, name: string): string[] {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((one): one is string => typeof one === "string") : [];
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
