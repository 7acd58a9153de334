import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type nunjucks from "nunjucks";
import type { KarvanConfig } from "../config/index.js";
import { registerErrorResponses } from "./error-responses.js";
import { defaultLocale, type I18n, type Locale, type Translator } from "./i18n.js";
import { type HttpMetrics, registerMetrics } from "./metrics.js";
import { registerOriginCheck } from "./origin-check.js";
import { registerPageRendering } from "./page-rendering.js";
import { refuseUnstorableCharacters } from "./request-bodies.js";
import { registerRequestLocale } from "./request-locale.js";
import { serializeRequest } from "./request-log.js";
import { registerSecurityPlugins, requireCsrfToken } from "./security-plugins.js";
import { registerApiDescription, registerStaticAssets } from "./static-assets.js";

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
    t: Translator;
    /** Values every page template receives; modules add to it (the signed-in user, navigation). */
    viewContext: Record<string, unknown>;
    /** True when the request is authenticated by an API key header instead of a browser session. */
    usesApiKey: boolean;
  }
  interface FastifyReply {
    render(template: string, data?: Record<string, unknown>): Promise<FastifyReply>;
    /**
     * A part of a page as HTML, in the reader's language, for a page that keeps it to show again
     * (it sees the data given and `t`/`lang` only, not the signed-in person or the form token).
     */
    renderFragment(template: string, data: Record<string, unknown>): Promise<string>;
  }
  interface FastifyContextConfig {
    /** Skip the CSRF check: only for endpoints that never rely on cookies. */
    csrf?: false;
  }
}

export interface HttpServerOptions {
  config: KarvanConfig;
  i18n: I18n;
  views: nunjucks.Environment;
  /** Folder with the compiled stylesheet and scripts (npm run build:assets). */
  assetsDir: string;
  /** Throws when the service cannot serve requests (database unreachable). */
  checkReadiness: () => Promise<void>;
  /** false: no log; an object: pino options added to Karvan's (e.g. a `stream` in tests). */
  logger?: boolean | Record<string, unknown>;
}

export type HttpServer = FastifyInstance & { metrics: HttpMetrics };

/** Fastify with Karvan's security defaults, languages, page rendering, error pages and health checks. */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { config, i18n } = options;
  const app = Fastify({
    logger: loggerOptions(config, options.logger),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("locale", defaultLocale);
  app.decorateRequest("t", null as unknown as Translator);
  app.decorateRequest("viewContext", null as unknown as Record<string, unknown>);
  app.decorateRequest("usesApiKey", false);

  await registerSecurityPlugins(app, config);
  const metrics = registerMetrics(app, config);
  await registerStaticAssets(app, options.assetsDir);
  await registerApiDescription(app);
  registerRequestLocale(app, config, i18n);
  refuseUnstorableCharacters(app);
  registerOriginCheck(app, config);
  requireCsrfToken(app);
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/assets/")) reply.header("cache-control", "no-store");
    return payload;
  });
  registerPageRendering(app, config, options.views);
  registerErrorResponses(app, i18n);
  registerHealthChecks(app, options.checkReadiness);
  return Object.assign(app, { metrics });
}

/** Liveness, and readiness: whether the service can serve requests now. */
function registerHealthChecks(app: FastifyInstance, checkReadiness: () => Promise<void>): void {
  app.get("/health", { schema: { hide: true }, config: { rateLimit: false } }, async () => ({
    status: "ok",
  }));
  app.get("/ready", { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await checkReadiness();
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });
}

/**
 * Pino's options: secrets in headers censored, and requests logged by route pattern with a redacted
 * query (request-log.ts). Options given by the caller (a test's stream, a level) are added on top.
 */
function loggerOptions(
  config: KarvanConfig,
  given: HttpServerOptions["logger"],
): false | Record<string, unknown> {
  if (given === false) return false;
  return {
    level: config.logLevel,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "req.headers['x-api-key']",
        'res.headers["set-cookie"]',
      ],
      censor: "[redacted]",
    },
    serializers: { req: serializeRequest },
    ...(typeof given === "object" ? given : {}),
  };
}
