import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { isDatabaseUnavailable } from "./database-unavailable.js";

function sqlError(code: string, message = "error"): Error {
  return Object.assign(new Error(message), { code });
}

describe("recognising an unreachable database", () => {
  it("knows a refused connection, a shutdown, a dropped database and a closed pool, also under a wrapper", async () => {
    const nobody = new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:1/karvan", max: 1 });
    const refused = await nobody.query("select 1").catch((error: unknown) => error);
    await nobody.end();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    const ended = await nobody.query("select 1").catch((error: unknown) => error);
    expect(isDatabaseUnavailable(ended)).toBe(true);

    for (const code of ["57P01", "57P03", "08006", "08001", "3D000", "53300"]) {
      expect(isDatabaseUnavailable(sqlError(code)), code).toBe(true);
    }
    // Drizzle's wrapper around the driver's error, and one error per address tried.
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: sqlError("57P01") }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new AggregateError([sqlError("ECONNREFUSED")], "connect failed"))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
  });

  it("does not take a wrong query or a broken rule for an outage", () => {
    for (const code of ["42601", "23505", "40001", "22P02"]) {
      expect(isDatabaseUnavailable(sqlError(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

describe("requests while the database is unreachable", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.karvan.close();
    // The database is already closed (embedded) or dropped (server); only what is left goes.
    await app.database.destroy().catch(() => undefined);
  });

  it("answers 503 with Retry-After, a translated page and the JSON code service_unavailable", async () => {
    const client = app.client();
    await client.get("/?lang=en");
    expect((await client.get("/services/work-permit")).statusCode).toBe(200);

    if (app.database.kind === "postgres") {
      // The server drops the database under the service: its connections end, new ones are refused.
      const name = new URL(app.database.url as string).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.KARVAN_TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    } else {
      await app.database.close();
    }

    const page = await client.get("/services/work-permit");
    expect(page.statusCode).toBe(503);
    expect(page.headers["retry-after"]).toBe("30");
    expect(page.body).toContain("the service is unavailable at the moment");
    expect(page.body).toContain('data-testid="error-reference"');

    const api = await app.client().json("GET", "/api/v1/statistics/tables/asylum-applicants");
    expect(api.statusCode).toBe(503);
    expect(api.headers["retry-after"]).toBe("30");
    expect(api.json()).toMatchObject({ error: { code: "service_unavailable" } });
    expect((await app.client().get("/ready")).statusCode).toBe(503);
  });
});
