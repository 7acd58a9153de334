import type { FastifyInstance, FastifyRequest } from "fastify";
import type { KarvanConfig } from "../config/index.js";
import { DomainError } from "../errors/index.js";

const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The origins Karvan's own pages are served from: the public address. A local development
 * address (http://localhost or 127.0.0.1) also counts under its other loopback names, so that a
 * developer opening either name is not refused.
 */
function ownOrigins(config: Pick<KarvanConfig, "publicUrl" | "insecureCookies">): Set<string> {
  const publicOrigin = new URL(config.publicUrl);
  const origins = new Set([publicOrigin.origin]);
  if (config.insecureCookies) {
    const port = publicOrigin.port ? `:${publicOrigin.port}` : "";
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) origins.add(`http://${host}${port}`);
  }
  return origins;
}

/** The origin of a Referer header, or "invalid" when it is not an absolute address. */
function originOfReferer(referer: string): string {
  try {
    return new URL(referer).origin;
  } catch {
    return "invalid";
  }
}

/**
 * Where a state-changing request says it comes from: the Origin header, else the origin of the
 * Referer, else nothing (an API client, or a browser told to send neither).
 */
function claimedOrigin(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (typeof origin === "string") return origin;
  const referer = request.headers.referer;
  if (typeof referer === "string") return originOfReferer(referer);
  return undefined;
}

/**
 * Refuses (403 `origin_not_allowed`) a state-changing request that names another site as its
 * origin: a second line behind the CSRF token, which a page on another site cannot read but might
 * one day obtain through a flaw elsewhere. `Origin: null` (sandboxed frames, some redirects) is
 * another site too. Requests naming no origin at all (API clients with a key) go on to the usual
 * checks.
 */
export function registerOriginCheck(app: FastifyInstance, config: KarvanConfig): void {
  const allowed = ownOrigins(config);
  app.addHook("onRequest", async (request) => {
    if (!stateChangingMethods.has(request.method)) return;
    const origin = claimedOrigin(request);
    if (origin === undefined || allowed.has(origin)) return;
    request.log.info({ origin: origin.slice(0, 200) }, "state-changing request from another origin");
    throw new DomainError("origin_not_allowed", 403);
  });
}
