import { createHash, timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { KarvanConfig } from "../config/index.js";

export interface HttpMetrics {
  registry: Registry;
  /**
   * Starts the metrics' own port when one is configured (`karvan serve` calls it once the service
   * listens; a port already taken stops the start); nothing otherwise.
   */
  listen(): Promise<void>;
}

type MetricsConfig = Pick<KarvanConfig, "demo" | "host" | "metricsToken" | "metricsPort">;

/**
 * Prometheus metrics: process figures and request durations by route (never by raw URL). They
 * tell an outsider how busy the service is and which routes fail, so outside demo mode they are
 * served only to whoever holds `KARVAN_METRICS_TOKEN` (as a bearer token), or on a port of their
 * own (`KARVAN_METRICS_PORT`) that only the monitoring network reaches. With neither configured,
 * /metrics does not exist outside demo mode (404), and the start says so in the log.
 */
export function registerMetrics(app: FastifyInstance, config: MetricsConfig): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "karvan_" });
  const duration = new Histogram({
    name: "karvan_http_request_duration_seconds",
    help: "Time spent answering HTTP requests",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: "karvan_http_server_errors_total",
    help: "Requests answered with a 5xx status",
    labelNames: ["route"],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    if (config.metricsToken && !bearerMatches(request.headers.authorization, config.metricsToken)) {
      return reply
        .status(401)
        .header("www-authenticate", 'Bearer realm="metrics"')
        .send({
          error: { code: "metrics_token_invalid", message: "Send the metrics token as a bearer token" },
        });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  };
  const route = { schema: { hide: true }, config: { rateLimit: false } } as const;

  if (config.metricsPort !== undefined) {
    const port = config.metricsPort;
    const metricsServer = Fastify({ logger: false });
    metricsServer.get("/metrics", serve);
    app.addHook("onClose", async () => {
      await metricsServer.close();
    });
    return {
      registry,
      listen: async () => {
        await metricsServer.listen({ port, host: config.host });
      },
    };
  }
  if (config.metricsToken || config.demo) app.get("/metrics", route, serve);
  else app.log.warn("/metrics is not served: set KARVAN_METRICS_TOKEN or KARVAN_METRICS_PORT to turn it on");
  return { registry, listen: async () => undefined };
}

/** Compares in constant time (of the digests, so that the token's length does not leak either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "")?.[1];
  if (!presented) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}
