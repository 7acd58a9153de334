import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { KarvanConfig } from "../config/index.js";
import { DomainError } from "../errors/index.js";
import { registerJsonBodyParser } from "./request-bodies.js";

const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Security headers (a nonce-based CSP), signed cookies, bodies, the CSRF token and the global rate limit. */
export async function registerSecurityPlugins(app: FastifyInstance, config: KarvanConfig): Promise<void> {
  await app.register(helmet, {
    enableCSPNonces: true,
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
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
    crossOriginEmbedderPolicy: false,
  });
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
