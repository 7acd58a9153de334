import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import helmetHeaders from "helmet";
import type { KarvanConfig } from "../config/index.js";
import { DomainError } from "../errors/index.js";
import { registerJsonBodyParser } from "./request-bodies.js";

const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The security headers of every response; pages add a nonce to the CSP's script and style sources. */
function securityHeaders(config: KarvanConfig) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.env === "production" ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "same-origin" as const },
    frameguard: { action: "deny" as const },
    crossOriginEmbedderPolicy: false,
  };
}

/** The JSON API's operations: they render no page, so their CSP needs no nonce. */
const jsonApiPrefix = "/api/v1/";

/**
 * Security headers (a nonce-based CSP), signed cookies, bodies, the CSRF token and the global rate limit.
 * A page's headers are built for each response around its nonces; the JSON API's are the same
 * headers without nonces, so they are built once (building them took about 2.5 % of a stay
 * registration's CPU time).
 */
export async function registerSecurityPlugins(app: FastifyInstance, config: KarvanConfig): Promise<void> {
  const headers = securityHeaders(config);
  const jsonApiHeaders = helmetHeaders(headers);
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith(jsonApiPrefix)) route.helmet = false;
  });
  // Where helmet's own hooks run, before authentication and the rate limit: a refusal (401, 429)
  // carries the headers too.
  app.addHook("onRequest", (request, reply, done) => {
    if (!request.routeOptions.url?.startsWith(jsonApiPrefix)) return done();
    jsonApiHeaders(request.raw, reply.raw, () => done());
  });
  await app.register(helmet, { enableCSPNonces: true, ...headers });
  await app.register(cookie, { secret: config.sessionSecret });
  registerJsonBodyParser(app);
  await app.register(formbody);
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: "karvan_csrf",
    cookieOpts: {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      signed: true,
      secure: !config.insecureCookies,
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: 600,
    timeWindow: "1 minute",
    errorResponseBuilder: (_request, context) =>
      new DomainError("too_many_requests", 429, "errors.too_many_requests", {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}

/** Every state-changing request from a browser proves it came from our own form. */
export function requireCsrfToken(app: FastifyInstance): void {
  app.addHook("preHandler", (request, reply, done) => {
    if (
      !stateChangingMethods.has(request.method) ||
      request.usesApiKey ||
      request.routeOptions.config?.csrf === false
    ) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}
