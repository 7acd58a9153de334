import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type KarvanConfig, loadConfig } from "../config/index.js";
import { createI18n } from "./i18n.js";
import { createHttpServer, type HttpServer } from "./server.js";
import { createViewEnvironment } from "./views.js";

const sourceRoot = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-metrics-"));
const servers: HttpServer[] = [];
const token = "prometheus-scrapes-with-this-token";

async function serverWith(env: Record<string, string>): Promise<HttpServer> {
  const config: KarvanConfig = loadConfig({
    NODE_ENV: "test",
    KARVAN_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...env,
  });
  const server = await createHttpServer({
    config,
    i18n: await createI18n(sourceRoot),
    views: createViewEnvironment(sourceRoot),
    assetsDir: dataDir,
    checkReadiness: async () => undefined,
    logger: false,
  });
  servers.push(server);
  return server;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

afterAll(async () => {
  for (const server of servers) await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("/metrics", () => {
  it("is open in demo mode, and absent (404) outside it when no token or port is configured", async () => {
    const demo = await serverWith({ KARVAN_DEMO: "true" });
    const open = await demo.inject({ method: "GET", url: "/metrics" });
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain("karvan_http_request_duration_seconds");

    const real = await serverWith({ KARVAN_DEMO: "false" });
    expect((await real.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
  });

  it("asks for the configured bearer token, compared whole", async () => {
    const server = await serverWith({ KARVAN_DEMO: "false", KARVAN_METRICS_TOKEN: token });
    const without = await server.inject({ method: "GET", url: "/metrics" });
    expect(without.statusCode).toBe(401);
    expect(without.headers["www-authenticate"]).toBe('Bearer realm="metrics"');
    expect(without.json()).toMatchObject({ error: { code: "metrics_token_invalid" } });
    for (const wrong of [`Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `Basic ${token}`, token]) {
      const refused = await server.inject({
        method: "GET",
        url: "/metrics",
        headers: { authorization: wrong },
      });
      expect(refused.statusCode, wrong).toBe(401);
    }
    const allowed = await server.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain("karvan_process_cpu_seconds_total");
  });

  it("is served on its own port alone when one is configured, with the token when there is one", async () => {
    const port = await freePort();
    const server = await serverWith({ KARVAN_DEMO: "false", KARVAN_METRICS_PORT: String(port) });
    await server.listen({ port: 0, host: "127.0.0.1" });
    await server.metrics.listen();
    expect((await server.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("karvan_http_request_duration_seconds");

    const guardedPort = await freePort();
    const guarded = await serverWith({
      KARVAN_DEMO: "false",
      KARVAN_METRICS_PORT: String(guardedPort),
      KARVAN_METRICS_TOKEN: token,
    });
    await guarded.listen({ port: 0, host: "127.0.0.1" });
    await guarded.metrics.listen();
    expect((await fetch(`http://127.0.0.1:${guardedPort}/metrics`)).status).toBe(401);
    const withToken = await fetch(`http://127.0.0.1:${guardedPort}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.status).toBe(200);
  });

  it("refuses a token too short to be a secret", () => {
    expect(() =>
      loadConfig({ NODE_ENV: "test", KARVAN_DATA_DIR: dataDir, KARVAN_METRICS_TOKEN: "short" }),
    ).toThrow(/KARVAN_METRICS_TOKEN: must be at least 24 characters/);
  });
});
