import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

describe("the Origin check on state-changing requests", () => {
  let app: TestApp;
  const own = "https://karvan.example.gov.az";
  beforeAll(async () => {
    app = await createTestApp({ env: { KARVAN_PUBLIC_URL: `${own}/` } });
  });
  afterAll(async () => {
    await app.close();
  });

  /** A sign-in form with a valid CSRF token, sent with the given headers. */
  async function postSignIn(headers: Record<string, string>) {
    const client = app.client();
    const form = await client.get("/sign-in?lang=en").then(() => client.get("/sign-in"));
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
    const cookie = ["karvan_csrf", "karvan_lang"]
      .map((name) => `${name}=${client.cookie(name) ?? ""}`)
      .join("; ");
    return app.karvan.server.inject({
      method: "POST",
      url: "/sign-in",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
      payload: new URLSearchParams({ _csrf: token, email: "x@example.com", password: "p" }).toString(),
    });
  }

  it("refuses a form sent from another site even with a valid CSRF token, by Origin or else Referer", async () => {
    const foreign: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "https://karvan.example.gov.az.evil.example" },
      { referer: "https://evil.example/page" },
      { origin: "https://evil.example", referer: `${own}/sign-in` },
    ];
    for (const headers of foreign) {
      const response = await postSignIn(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.body).toContain("This request came from another website");
    }
    const json = await app
      .client()
      .json("POST", "/api/v1/cases/stay-registration", { answers: {} }, { origin: "https://evil.example" });
    expect(json.statusCode).toBe(403);
    expect(json.json().error.code).toBe("origin_not_allowed");
  });

  it("lets our own pages, and API clients that name no origin, through to the usual checks", async () => {
    expect((await postSignIn({ origin: own })).statusCode).toBe(422);
    expect((await postSignIn({ referer: `${own}/sign-in?lang=en` })).statusCode).toBe(422);
    expect((await postSignIn({})).statusCode).toBe(422);
    // No Origin: the API key decides (here an unknown key: 401, not an origin refusal).
    const api = await app
      .client()
      .json("POST", "/api/v1/cases/stay-registration", { answers: {} }, { authorization: "Bearer kvn_x_y" });
    expect(api.statusCode).toBe(401);
    // Reading is never refused for its origin.
    expect((await app.client().get("/sign-in", { origin: "https://evil.example" })).statusCode).toBe(200);
  });
});
