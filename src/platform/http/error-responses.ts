import type { FastifyError, FastifyInstance } from "fastify";
import { DomainError } from "../errors/index.js";
import { isDatabaseUnavailable } from "./database-unavailable.js";
import { defaultLocale, type I18n } from "./i18n.js";
import { wantsJson } from "./request-kind.js";

/** A restarted or failed-over database server is usually back within this time. */
const databaseRetryAfterSeconds = 30;

/**
 * How a failed request is answered: a domain error with its own status and message, anything else
 * mapped to one; JSON for the API, the error page otherwise, both with the log's reference id.
 */
export function registerErrorResponses(app: FastifyInstance, i18n: I18n): void {
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
