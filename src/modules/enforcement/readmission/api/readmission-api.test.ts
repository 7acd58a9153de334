import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";

// Monday 2 March 2026, 10:00 in Baku.
const clock = new ManualClock("2026-03-02T06:00:00Z");
const base = "/api/v1/readmission/requests";
let app: TestApp;
let officer: TestClient;
let caseOfficer: TestClient;

const incoming = {
  direction: "in",
  partnerState: "DE",
  procedure: "normal",
  category: "own_national",
  fullName: "Elvin Mammadov",
  birthDate: "1990-05-01",
  citizenship: "AZ",
  documentType: "passport",
  documentNumber: "C12345678",
  partnerAuthority: "Bundespolizeipräsidium",
  caseKnownOn: "2026-02-20",
  transmittedOn: "2026-03-02",
};

function call(browser: TestClient, method: "GET" | "POST", url: string, body?: unknown) {
  return app.client().json(method, url, body, {
    cookie: ["karvan_session", "karvan_csrf"]
      .map((name) => `${name}=${browser.cookie(name) ?? ""}`)
      .join("; "),
    ...(browser.csrfToken ? { "x-csrf-token": browser.csrfToken } : {}),
  });
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const staff = (email: string, roles: string[]) =>
    signInNewStaff(app.database.db, clock, app.client(), { email, fullName: email, agency: "SMS", roles });
  [officer, caseOfficer] = (
    await Promise.all([
      staff("readmission@sms.gov.az", ["readmission_officer"]),
      staff("cases@sms.gov.az", ["case_officer"]),
    ])
  ).map((one) => one.browser) as [TestClient, TestClient];
});
afterAll(async () => {
  await app?.close();
});

describe("the readmission API", () => {
  let requestId: string;

  it("registers, reads with deadlines (audited), lists, records the reply and the transfer", async () => {
    const registered = await call(officer, "POST", base, incoming);
    expect(registered.statusCode).toBe(201);
    requestId = registered.json().request.id;
    expect(registered.headers.location).toBe(`${base}/${requestId}`);
    expect(registered.json().request).toMatchObject({ status: "awaiting_reply", direction: "in" });
    expect(registered.json().request.replyDue).toMatch(/^2026-\d{2}-\d{2}$/);

    const read = await call(officer, "GET", `${base}/${requestId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().correspondence.length).toBeGreaterThan(0);
    const [viewed] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records where action = 'readmission_request.viewed' and entity_id = ${requestId}`,
    );
    expect(viewed?.n).toBeGreaterThan(0);

    const ids = async (url: string) =>
      (await call(officer, "GET", url)).json().requests.map((one: { id: string }) => one.id);
    expect(await ids(`${base}?direction=in&partner=de&status=awaiting_reply`)).toEqual([requestId]);
    expect(await ids(`${base}?direction=out`)).toEqual([]);
    expect(await ids("/api/v1/readmission/transfers-due")).toEqual([]);

    const agreed = await call(officer, "POST", `${base}/${requestId}/reply`, {
      decision: "agree",
      onDate: "2026-03-02",
    });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json().request.status).toBe("agreed");
    expect(agreed.json().request.transferDue).toMatch(/^2026-\d{2}-\d{2}$/);
    expect(await ids("/api/v1/readmission/transfers-due")).toEqual([requestId]);

    const transfer = {
      transferOn: "2026-03-10",
      borderCrossingPoint: "Heydar Aliyev airport",
      escort: "Two officers",
    };
    const arranged = await call(officer, "POST", `${base}/${requestId}/transfer`, transfer);
    expect(arranged.statusCode).toBe(200);
    expect(arranged.json().request).toMatchObject({ status: "transfer_arranged", transferOn: "2026-03-10" });
    expect(
      (await call(officer, "POST", `${base}/${requestId}/reply`, { decision: "agree", onDate: "2026-03-02" }))
        .statusCode,
    ).toBe(409);
  });

  it("answers 422 naming each bad field, 404 for an unknown request, 403 without permission", async () => {
    const bad = await call(officer, "POST", base, { ...incoming, fullName: "", partnerState: "ZZ" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("readmission_body_invalid");
    const fields = bad.json().error.details.problems.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(["fullName", "partnerState"]));
    expect((await call(officer, "GET", `${base}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await call(caseOfficer, "GET", base)).statusCode).toBe(403);
    expect((await call(caseOfficer, "GET", `${base}/${requestId}`)).statusCode).toBe(403);
    expect((await call(caseOfficer, "POST", base, incoming)).statusCode).toBe(403);
  });
});
