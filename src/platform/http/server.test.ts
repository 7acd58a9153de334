import { get } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

describe("HTTP platform", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("serves the home page in Azerbaijani by default, with the security headers", async () => {
    const response = await app.client().get("/");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('lang="az"');
    expect(response.body).toContain("Miqrasiya xidmətləri");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self' 'nonce-[0-9a-f]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["strict-transport-security"]).toContain("max-age=31536000");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(response.headers["cache-control"]).toBe("no-store");
    const nonce = /'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
    expect(response.body).toContain(`<script nonce="${nonce}">`);
  });

  it("gives the JSON API the same security headers without nonces, refusals included", async () => {
    const refused = await app
      .client()
      .json("POST", "/api/v1/cases/stay-registration", { answers: {} }, { authorization: "Bearer kvn_x_y" });
    expect(refused.statusCode).toBe(401);
    const page = await app.client().get("/");
    const pageCsp = String(page.headers["content-security-policy"]);
    expect(refused.headers["content-security-policy"]).toBe(pageCsp.replace(/ 'nonce-[0-9a-f]+'/g, ""));
    for (const header of [
      "strict-transport-security",
      "x-content-type-options",
      "referrer-policy",
      "x-frame-options",
      "cross-origin-opener-policy",
    ]) {
      expect(refused.headers[header], header).toBe(page.headers[header]);
    }
  });

  it("switches language with ?lang and remembers it in a cookie", async () => {
    const client = app.client();
    const switched = await client.get("/?lang=ru");
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe("/");
    const page = await client.get("/");
    expect(page.body).toContain('lang="ru"');
    expect(page.body).toContain("Миграционные услуги");
  });

  it("returns from a language switch to a page on this service only", async () => {
    const client = app.client();
    for (const evil of [
      "/x/..//evil.example/?lang=en",
      "/%2f%2fevil.example/?lang=en",
      "//evil.example/?lang=en",
    ]) {
      const switched = await client.get(evil);
      expect(switched.statusCode, evil).toBe(303);
      expect(switched.headers.location, evil).toBe("/");
    }
    const kept = await client.get("/statistics?page=2&lang=en");
    expect(kept.headers.location).toBe("/statistics?page=2");
    // Injected requests have their dot segments resolved; over the network they arrive as sent.
    await app.karvan.server.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.karvan.server.server.address() as AddressInfo;
    const location = await new Promise<string | undefined>((resolve, reject) => {
      get({ host: "127.0.0.1", port, path: "/x/..//evil.example/?lang=en" }, (response) => {
        response.resume();
        resolve(response.headers.location);
      }).on("error", reject);
    });
    expect(location).toBe("/");
  });

  it("answers unknown pages with a translated 404 page and unknown API paths with JSON", async () => {
    const page = await app.client().get("/no-such-page?lang=en");
    expect(page.statusCode).toBe(303);
    const client = app.client();
    await client.get("/?lang=en");
    const notFound = await client.get("/no-such-page");
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).toContain("Page not found");
    const api = await client.json("GET", "/api/v1/nothing");
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("refuses a state-changing form without a valid CSRF token", async () => {
    const client = app.client();
    await client.get("/");
    const response = await client.post("/sign-out", { _csrf: "forged" });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("karvan-code");
  });

  it("reports health, readiness and metrics", async () => {
    const client = app.client();
    expect((await client.get("/health")).json()).toEqual({ status: "ok" });
    expect((await client.get("/ready")).json()).toEqual({ status: "ready" });
    const metrics = await client.get("/metrics");
    expect(metrics.body).toContain("karvan_http_request_duration_seconds");
  });
});
