import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type nunjucks from "nunjucks";
import type { KarvanConfig } from "../config/index.js";
import { isDatabaseUnavailable } from "./database-unavailable.js";
import { DomainError } from "./errors.js";
import { defaultLocale, type I18n, isLocale, type Locale, type Translator } from "./i18n.js";
import { type HttpMetrics, registerMetrics } from "./metrics.js";
import { registerOriginCheck } from "./origin-check.js";
import { refuseUnstorableCharacters, registerJsonBodyParser } from "./request-bodies.js";
import { serializeRequest } from "./request-log.js";
import { sameOriginPath } from "./same-origin-path.js";

const require = createRequire(import.meta.url);

export const languageCookie = "karvan_lang";

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

const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The JSON API's addresses: the only ones an API key opens. */
function isApiPath(url: string): boolean {
  return url.startsWith("/api/");
}

export function wantsJson(request: FastifyRequest): boolean {
  if (isApiPath(request.url)) return true;
  const accept = request.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { config, i18n, views } = options;
  const renderTemplate = promisify(views.render.bind(views)) as (
    name: string,
    context: Record<string, unknown>,
  ) => Promise<string>;

  const app = Fastify({
    logger: loggerOptions(config, options.logger),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest("locale", defaultLocale);
  app.decorateRequest("t", null as unknown as Translator);
  app.decorateRequest("viewContext", null as unknown as Record<string, unknown>);
  app.decorateRequest("usesApiKey", false);

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
    errorResponseBuilder: (_request, context) => {
      const error = new DomainError("too_many_requests", 429, "errors.too_many_requests", {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      });
      return error;
    },
  });
  const metrics = registerMetrics(app, config);

  await app.register(fastifyStatic, {
    root: options.assetsDir,
    prefix: "/assets/",
    maxAge: "1h",
    index: false,
  });
  await app.register(fastifyStatic, {
    root: path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk"),
    prefix: "/assets/govuk/",
    allowedPath: (pathName) => pathName.endsWith(".js") || pathName.startsWith("/assets/images/"),
    decorateReply: false,
    maxAge: "1h",
    index: false,
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Karvan API",
        description:
          "JSON API of Karvan. Hosts and employers authenticate with an API key: `Authorization: Bearer <key>`.",
        version: "1",
      },
      components: {
        securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Karvan API key" } },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook("onRequest", async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const cookieLocale = request.cookies[languageCookie];
    const requested = query?.lang;
    if (isLocale(requested)) {
      reply.setCookie(languageCookie, requested, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: !config.insecureCookies,
        maxAge: 365 * 24 * 3600,
      });
      if (request.method === "GET" && !wantsJson(request)) {
        // Back to the same page without the switch; an address that is not a path here goes home.
        const url = new URL(sameOriginPath(request.url) ?? "/", "http://karvan.invalid");
        url.searchParams.delete("lang");
        return reply.redirect(sameOriginPath(`${url.pathname}${url.search}`) ?? "/", 303);
      }
      request.locale = requested;
    } else if (isLocale(cookieLocale)) {
      request.locale = cookieLocale;
    }
    request.t = i18n.t(request.locale);
    request.viewContext = {};
    // Keys authenticate the JSON API only; pages stay with the browser session (and its CSRF check).
    request.usesApiKey = typeof request.headers.authorization === "string" && isApiPath(request.url);
  });

  refuseUnstorableCharacters(app);
  registerOriginCheck(app, config);

  // Every state-changing request from a browser proves it came from our own form.
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

  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/assets/")) reply.header("cache-control", "no-store");
    return payload;
  });

  app.decorateReply("render", async function (this: FastifyReply, template: string, data = {}) {
    const request = this.request;
    const url = new URL(request.url, "http://karvan.invalid");
    const context = {
      ...request.viewContext,
      ...data,
      t: request.t,
      lang: request.locale,
      htmlLang: request.locale,
      cspNonce: this.cspNonce?.script,
      csrfToken: this.generateCsrf(),
      demo: config.demo,
      currentPath: url.pathname,
      currentUrl: `${url.pathname}${url.search}`,
      languageLinks: languageLinks(url),
    };
    const html = await renderTemplate(template, context);
    return this.type("text/html; charset=utf-8").send(html);
  });
  app.decorateReply(
    "renderFragment",
    function (this: FastifyReply, template: string, data: Record<string, unknown>) {
      return renderTemplate(template, { ...data, t: this.request.t, lang: this.request.locale });
    },
  );

  app.setErrorHandler(async (error: FastifyError | DomainError, request, reply) => {
    const reference = String(request.id);
    const { status, code, messageKey, details, messageValues } = describeError(error);
    // Unavailable for a while (database unreachable, statistics busy): no stack, and no query text.
    if (status === 503) request.log.warn({ code, reference }, "request refused: unavailable for now");
    else if (status >= 500) request.log.error({ err: error, reference }, "request failed");
    else request.log.info({ code, status, reference }, "request refused");
    if ((status === 429 || status === 503) && details?.retryAfterSeconds)
      reply.header("retry-after", String(details.retryAfterSeconds));
    const t = request.t ?? i18n.t(defaultLocale);
    if (!request.viewContext) request.viewContext = {};
    reply.status(status);
    const message = t(messageKey, messageValues ?? {});
    if (wantsJson(request)) {
      return reply.send({ error: { code, message, reference, ...(details ? { details } : {}) } });
    }
    return reply.render("error.njk", { status, code, message, reference });
  });

  app.setNotFoundHandler(async (request, reply) => {
    reply.status(404);
    if (wantsJson(request)) {
      return reply.send({
        error: { code: "not_found", message: request.t("errors.not_found"), reference: request.id },
      });
    }
    return reply.render("not-found.njk");
  });

  app.get("/health", { schema: { hide: true }, config: { rateLimit: false } }, async () => ({
    status: "ok",
  }));
  app.get("/ready", { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await options.checkReadiness();
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });

  return Object.assign(app as unknown as FastifyInstance, { metrics });
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

/** The current address in each language, keeping its query (a token in a link must survive a switch). */
function languageLinks(url: URL): Record<Locale, string> {
  const link = (locale: Locale) => {
    const target = new URL(url);
    target.searchParams.set("lang", locale);
    return `${target.pathname}${target.search}`;
  };
  return { az: link("az"), en: link("en"), ru: link("ru") };
}

interface DescribedError {
  status: number;
  code: string;
  messageKey: string;
  details?: Record<string, unknown> | undefined;
  messageValues?: Record<string, string | number> | undefined;
}

function describeError(error: FastifyError | DomainError): DescribedError {
  if (error instanceof DomainError) {
    return {
      status: error.status,
      code: error.code,
      messageKey: error.messageKey,
      details: error.details,
      messageValues: error.messageValues,
    };
  }
  const fastifyError = error as FastifyError & { validation?: unknown[] };
  if (fastifyError.validation) {
    return {
      status: 400,
      code: "validation_failed",
      messageKey: "errors.validation_failed",
      details: { issues: fastifyError.validation },
    };
  }
  if (fastifyError.code?.startsWith("FST_CSRF")) {
    return { status: 403, code: "csrf_invalid", messageKey: "errors.csrf_invalid" };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return {
      status,
      code: (fastifyError.code ?? "bad_request").toLowerCase(),
      messageKey:
        status === 413
          ? "errors.too_large"
          : status === 415
            ? "errors.unsupported_media"
            : "errors.bad_request",
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: "service_unavailable",
      messageKey: "errors.service_unavailable",
      details: { retryAfterSeconds: databaseRetryAfterSeconds },
    };
  }
  return { status: 500, code: "internal_error", messageKey: "errors.internal" };
}

/** A restarted or failed-over database server is usually back within this time. */
const databaseRetryAfterSeconds = 30;
