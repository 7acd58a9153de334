import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

const metricsToken = "prometheus-scrapes-with-this-token";
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ config: { metricsToken } });
});
afterAll(async () => {
  await app?.close();
});

const getWithBearer = (url: string, token: string) =>
  app.karvan.server.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });

describe("a bearer token outside the JSON API", () => {
  it("is the metrics' own credential on /metrics: the right one reads them, a wrong one gets 401", async () => {
    const read = await getWithBearer("/metrics", metricsToken);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain("karvan_http_request_duration_seconds");
    expect((await getWithBearer("/metrics", "not-the-metrics-token-at-all")).statusCode).toBe(401);
  });

  it("is still refused on a page meant for a person", async () => {
    expect((await getWithBearer("/account", metricsToken)).statusCode).toBe(403);
  });
});
