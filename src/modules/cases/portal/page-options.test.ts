import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { portalSample, signInNewApplicant } from "./portal-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [portalSample] });
});
afterAll(async () => {
  await app.close();
});

describe("a portal page's address", () => {
  it("sends a signed-out visitor to sign in before looking at the id", async () => {
    const visitor = app.client();
    const page = await visitor.get("/applications/not-a-case/fee");
    expect(page.statusCode).toBeGreaterThanOrEqual(300);
    expect(page.statusCode).toBeLessThan(400);
    expect(String(page.headers.location)).toMatch(/^\/sign-in/);
  });

  it("answers a malformed case id with the not-found page, as a case that does not exist", async () => {
    const { browser } = await signInNewApplicant(
      app.karvan.database.db,
      clock,
      app.client(),
      "ids@example.org",
    );
    for (const path of [
      "/applications/not-a-case",
      "/applications/not-a-case/pages/about-you",
      "/applications/123/documents",
      "/applications/1e2f/decision/en",
    ]) {
      const malformed = await browser.get(path);
      expect(malformed.statusCode, path).toBe(404);
      expect(malformed.headers["content-type"], path).toMatch(/^text\/html/);
    }
    const unknown = await browser.get(`/applications/${randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    const posted = await browser.post("/applications/not-a-case/withdraw", {});
    expect(posted.statusCode).toBe(404);
  });
});
