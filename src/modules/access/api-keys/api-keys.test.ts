import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { createUser } from "../create-user.js";
import { systemActor } from "../principal.js";
import { createSession, sessionCookie } from "../sessions.js";
import { apiRequestsPerMinute } from "./api-rate-limit.js";
import { apiKeyMemoryMs } from "./authenticate-api-key.js";

let app: TestApp;
const clock = new ManualClock("2026-03-02T08:00:00Z");

async function newAccount(email: string, roles: string[]): Promise<string> {
  const staff = roles.some((role) => !["applicant", "host_employer"].includes(role));
  const { id } = await createUser(
    { db: app.karvan.access.db, clock, actor: systemActor },
    {
      email,
      fullName: email.split("@")[0] ?? email,
      password: "Correct-horse-battery-9",
      kind: staff ? "staff" : "public",
      agency: staff ? "SMS" : undefined,
      roles,
      status: "active",
    },
  );
  return id;
}

async function signedIn(userId: string): Promise<TestClient> {
  const session = await createSession(app.karvan.access.db, clock, { userId, mfaPassed: true });
  const client = app.client();
  client.setCookie(sessionCookie, session.token);
  await client.get("/?lang=en");
  return client;
}

/** Creates a key through the pages, as its owner would, and returns the key shown once. */
async function createKey(
  owner: TestClient,
  fields: { name: string; scopes: string[]; expiry?: string },
): Promise<string> {
  await owner.get("/account/api-keys/new");
  const created = await owner.post("/account/api-keys/new", { expiry: "90", ...fields });
  expect(created.statusCode).toBe(201);
  const key = /data-testid="api-key">(kvn_[^<]+)</.exec(created.body)?.[1];
  if (!key) throw new Error("no key on the page");
  return key;
}

function callMe(key: string) {
  return app.client().json("GET", "/api/v1/me", undefined, { authorization: `Bearer ${key}` });
}

let hostId: string;
let host: TestClient;

beforeAll(async () => {
  app = await createTestApp({ clock });
  hostId = await newAccount("reception@caspian-hotel.az", ["host_employer"]);
  host = await signedIn(hostId);
});

afterAll(async () => {
  await app.close();
});

describe("API keys", () => {
  it("shows a new key once, keeps only its prefix and hash, and the key authenticates /api/v1/me", async () => {
    const form = await host.get("/account/api-keys/new");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="stay-registrations:write"');
    expect(form.body).toContain('value="work-permits:read"');

    const key = await createKey(host, {
      name: "Reception system",
      scopes: ["profile:read", "stay-registrations:write"],
    });
    expect(key).toMatch(/^kvn_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const prefix = key.split("_")[1] ?? "";
    const secret = key.slice(`kvn_${prefix}_`.length);

    const list = await host.get("/account/api-keys");
    expect(list.body).toContain("Reception system");
    expect(list.body).toContain(`kvn_${prefix}_`);
    expect(list.body).not.toContain(secret);

    // The plain key is nowhere in the database: not in the key table, not in the audit trail.
    const tables = await app.karvan.database.raw.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    expect(tables.rows.length).toBeGreaterThan(5);
    for (const { name } of tables.rows) {
      const rows = await app.karvan.database.raw.query<{ row: string }>(
        `select t::text as row from "${name}" t`,
      );
      for (const { row } of rows.rows) expect(row, name).not.toContain(secret);
    }
    const [stored] = await queryRows<{ prefix: string; key_hash: string; scopes: string[] }>(
      app.karvan.access.db,
      sql`select prefix, key_hash, scopes from api_keys where user_id = ${hostId}`,
    );
    expect(stored?.prefix).toBe(prefix);
    expect(stored?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.scopes).toEqual(["profile:read", "stay-registrations:write"]);

    const me = await callMe(key);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: hostId,
      kind: "public",
      roles: ["host_employer"],
      permissions: ["portal.register_guests"],
      apiKey: { id: expect.any(String), scopes: ["profile:read", "stay-registrations:write"] },
    });

    const audited = await queryRows<{ action: string; actor_id: string }>(
      app.karvan.access.db,
      sql`select action, actor_id from audit_records where entity_type = 'api_key' and action = 'api_key.created'`,
    );
    expect(audited).toEqual([{ action: "api_key.created", actor_id: hostId }]);
  });

  it("records use at most once a minute", async () => {
    const key = await createKey(host, { name: "Use tracking", scopes: ["profile:read"] });
    const prefix = key.split("_")[1] ?? "";
    const lastUsed = async () => {
      const [row] = await queryRows<{ at: string | null }>(
        app.karvan.access.db,
        sql`select last_used_at::text as at from api_keys where prefix = ${prefix}`,
      );
      return row?.at ?? null;
    };
    expect(await lastUsed()).toBeNull();
    await callMe(key);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    clock.advance(30_000);
    await callMe(key);
    expect(await lastUsed()).toBe(first);
    clock.advance(31_000);
    await callMe(key);
    expect(await lastUsed()).not.toBe(first);
  });

  it("refuses malformed, unknown, wrong, revoked and expired keys with 401 invalid_api_key", async () => {
    const key = await createKey(host, { name: "Short-lived", scopes: ["profile:read"], expiry: "30" });
    const prefix = key.split("_")[1] ?? "";
    const refusals = [
      "not-a-key",
      `kvn_${prefix}_${"A".repeat(43)}`,
      `kvn_000000000000_${key.slice(-43)}`,
      `${key}x`,
    ];
    for (const bad of refusals) {
      const response = await callMe(bad);
      expect(response.statusCode, bad).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    }
    // No header at all: simply not signed in.
    const anonymous = await app.client().json("GET", "/api/v1/me");
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: "unauthenticated" } });

    expect((await callMe(key)).statusCode).toBe(200);
    clock.advance(31 * 86_400_000);
    const expired = await callMe(key);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: { code: "invalid_api_key" } });

    // The session has long timed out: sign in again and revoke a working key.
    host = await signedIn(hostId);
    const revocable = await createKey(host, { name: "To revoke", scopes: ["profile:read"] });
    expect((await callMe(revocable)).statusCode).toBe(200);
    const [row] = await queryRows<{ id: string }>(
      app.karvan.access.db,
      sql`select id from api_keys where prefix = ${revocable.split("_")[1] ?? ""}`,
    );
    const confirm = await host.get(`/account/api-keys/${row?.id}/revoke`);
    expect(confirm.statusCode).toBe(200);
    const revoked = await host.post(`/account/api-keys/${row?.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    const afterRevoke = await callMe(revocable);
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    const list = await host.get("/account/api-keys");
    expect(list.body).toContain("Revoked");
    expect(list.body).toContain("Expired");
  });

  it("refuses the keys of a disabled owner", async () => {
    const ownerId = await newAccount("hr@silk-road-trading.az", ["host_employer"]);
    const owner = await signedIn(ownerId);
    const key = await createKey(owner, { name: "HR system", scopes: ["profile:read", "work-permits:write"] });
    expect((await callMe(key)).statusCode).toBe(200);
    await app.karvan.database.raw.query("update users set status = 'disabled' where id = $1", [ownerId]);
    // A change made outside this process is seen once the key's few seconds in memory are over.
    clock.advance(apiKeyMemoryMs);
    expect((await callMe(key)).statusCode).toBe(401);
  });

  it("revokes the keys of a disabled owner for good: enabling the account again does not bring them back", async () => {
    const adminId = await newAccount("nigar.admin@sms.gov.az", ["administrator"]);
    const admin = await signedIn(adminId);
    const ownerId = await newAccount("it@absheron-hotel.az", ["host_employer"]);
    const owner = await signedIn(ownerId);
    const key = await createKey(owner, { name: "Front desk", scopes: ["profile:read"] });
    expect((await callMe(key)).statusCode).toBe(200);

    await admin.get(`/admin/users/${ownerId}`);
    expect((await admin.post(`/admin/users/${ownerId}/disable`)).statusCode).toBe(303);
    // Refused at once, without waiting for the key's seconds in memory.
    expect((await callMe(key)).statusCode).toBe(401);
    await admin.get(`/admin/users/${ownerId}`);
    expect((await admin.post(`/admin/users/${ownerId}/enable`)).statusCode).toBe(303);
    clock.advance(apiKeyMemoryMs);
    expect((await callMe(key)).statusCode).toBe(401);

    const keys = await queryRows<{ revoked: boolean }>(
      app.karvan.access.db,
      sql`select revoked_at is not null as revoked from api_keys where user_id = ${ownerId}`,
    );
    expect(keys).toEqual([{ revoked: true }]);
    const [disabled] = await queryRows<{ details: { revokedApiKeys: string } }>(
      app.karvan.access.db,
      sql`select details from audit_records where entity_id = ${ownerId} and action = 'user.disabled'`,
    );
    expect(disabled?.details.revokedApiKeys).toBe(key.split("_")[1]);
  });

  it("narrows the owner's permissions to the key's scopes", async () => {
    const narrow = await createKey(host, {
      name: "Guest register only",
      scopes: ["stay-registrations:write"],
    });
    // Without profile:read the key may not read the account.
    const refused = await callMe(narrow);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: "insufficient_scope" } });
    const denied = await queryRows<{ details: Record<string, unknown> }>(
      app.karvan.access.db,
      sql`select details from audit_records where action = 'access.denied' and actor_type = 'api_key' order by id desc limit 1`,
    );
    expect(denied[0]?.details).toMatchObject({ scope: "profile:read", reason: "insufficient_scope" });

    const employer = await createKey(host, {
      name: "Payroll",
      scopes: ["profile:read", "work-permits:read"],
    });
    expect((await callMe(employer)).json()).toMatchObject({ permissions: ["portal.employer"] });

    // A key never manages keys, whatever its owner may do in the browser.
    const withKey = await app.client().json("GET", "/account/api-keys", undefined, {
      authorization: `Bearer ${employer}`,
      accept: "text/html",
    });
    expect(withKey.statusCode).toBe(403);
    const createWithKey = await app
      .client()
      .json(
        "POST",
        "/account/api-keys/new",
        { name: "Sneaky", scopes: "profile:read", expiry: "never" },
        { authorization: `Bearer ${employer}` },
      );
    expect(createWithKey.statusCode).toBe(403);

    // Scopes the owner could never use are not accepted either.
    const applicantId = await newAccount("amina@example.org", ["applicant"]);
    const applicant = await signedIn(applicantId);
    expect((await applicant.get("/account/api-keys")).statusCode).toBe(403);
  });

  it("does not let anyone see or revoke another owner's key", async () => {
    const otherId = await newAccount("owner@guesthouse.az", ["host_employer"]);
    const other = await signedIn(otherId);
    await createKey(other, { name: "Guesthouse", scopes: ["profile:read"] });
    const [row] = await queryRows<{ id: string }>(
      app.karvan.access.db,
      sql`select id from api_keys where user_id = ${otherId}`,
    );
    expect((await host.get(`/account/api-keys/${row?.id}/revoke`)).statusCode).toBe(404);
    expect((await host.post(`/account/api-keys/${row?.id}/revoke`)).statusCode).toBe(404);
    const [still] = await queryRows<{ revoked: string | null }>(
      app.karvan.access.db,
      sql`select revoked_at::text as revoked from api_keys where id = ${row?.id ?? ""}`,
    );
    expect(still?.revoked).toBeNull();
  });

  it("refuses a key name with characters that reorder text, as every other name, and keeps no key", async () => {
    await host.get("/account/api-keys/new");
    for (const disguised of ["Reception\u202Etxt.exe", "Reception\u2066system", "Reception\u200Fsystem"]) {
      const refused = await host.post("/account/api-keys/new", {
        name: disguised,
        scopes: "profile:read",
        expiry: "90",
      });
      expect(refused.statusCode, JSON.stringify(disguised)).toBe(422);
      expect(refused.body).toContain("must not contain hidden or control characters");
    }
    const [stored] = await queryRows<{ total: number }>(
      app.karvan.access.db,
      sql`select count(*)::int as total from api_keys where user_id = ${hostId} and name like 'Reception%' and name <> 'Reception system'`,
    );
    expect(stored?.total).toBe(0);
  });

  it("answers a malformed key id in the address with the not-found page", async () => {
    expect((await host.get("/account/api-keys/not-a-key/revoke")).statusCode).toBe(404);
    expect((await host.post("/account/api-keys/not-a-key/revoke")).statusCode).toBe(404);
  });

  it(`limits each key to ${apiRequestsPerMinute} requests a minute, answering 429 with Retry-After`, async () => {
    const busy = await createKey(host, { name: "Busy", scopes: ["profile:read"] });
    const calm = await createKey(host, { name: "Calm", scopes: ["profile:read"] });
    for (let index = 0; index < apiRequestsPerMinute; index++) {
      const response = await callMe(busy);
      expect(response.statusCode).toBe(200);
    }
    const limited = await callMe(busy);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: { code: "too_many_requests" } });
    // Another key of the same owner, from the same address, is not affected.
    expect((await callMe(calm)).statusCode).toBe(200);
  });
});

describe("API keys outside the JSON API", () => {
  it("open no portal page: a key for registrations is refused on /account, with or without a session", async () => {
    const key = await createKey(host, { name: "Registrations only", scopes: ["stay-registrations:write"] });
    const bearer = { authorization: `Bearer ${key}` };
    const page = await app.client().get("/account", { ...bearer, accept: "text/html" });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain("/api/");
    const json = await app.client().json("GET", "/account", undefined, bearer);
    expect(json.statusCode).toBe(403);
    expect(json.json().error.code).toBe("api_key_not_accepted");
    // A signed-in browser sending a key as well is refused too, not let in by either credential.
    expect((await host.get("/account", bearer)).statusCode).toBe(403);
    expect((await host.get("/account")).statusCode).toBe(200);
    // The same key still works where it belongs.
    const created = await app
      .client()
      .json("POST", "/api/v1/cases/stay-registration", { answers: {} }, bearer);
    expect(created.statusCode).toBe(422);
  });
});

describe("API documentation", () => {
  it("serves the reference with its own script, no CDN, and a Content-Security-Policy for it alone", async () => {
    const client = app.client();
    const entry = await client.get("/api/docs");
    const page = entry.statusCode === 200 ? entry : await client.get("/api/docs/");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain('src="js/scalar.js"');
    expect(page.body).not.toMatch(/cdn\.jsdelivr|fonts\.scalar\.com|https?:\/\//);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");

    const script = await client.get("/api/docs/js/scalar.js");
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toContain("javascript");

    const document = await client.get("/api/docs/openapi.json");
    expect(document.statusCode).toBe(200);
    const openapi = document.json() as {
      paths: Record<string, { get?: { security?: unknown } }>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(openapi.paths["/api/v1/me"]?.get?.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(openapi.components.securitySchemes)).toContain("apiKey");
    // Pages are not part of the API description.
    expect(Object.keys(openapi.paths)).not.toContain("/account/api-keys");
    expect(Object.keys(openapi.paths)).not.toContain("/admin/users");
    expect(Object.keys(openapi.paths).some((path) => path.startsWith("/api/docs"))).toBe(false);

    // Everywhere else the strict policy stays.
    const home = await client.get("/");
    expect(String(home.headers["content-security-policy"])).not.toContain("unsafe-inline");
  });
});
