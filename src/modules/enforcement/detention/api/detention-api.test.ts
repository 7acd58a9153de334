import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { seedDemoDetentionCentres } from "../../../../demo/index.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";

// Monday 2 March 2026 in Baku. The shipped law gives a first period of 3 months and 6 months in all.
const clock = new ManualClock("2026-03-02T08:00:00Z");
const base = "/api/v1/detention/placements";
let app: TestApp;
let officer: TestClient;
let caseOfficer: TestClient;
let centreId: string;

function sessionHeaders(browser: TestClient, csrf = true): Record<string, string> {
  return {
    cookie: ["karvan_session", "karvan_csrf"]
      .map((name) => `${name}=${browser.cookie(name) ?? ""}`)
      .join("; "),
    ...(csrf && browser.csrfToken ? { "x-csrf-token": browser.csrfToken } : {}),
  };
}

function call(browser: TestClient, method: "GET" | "POST", url: string, body?: unknown, csrf = true) {
  return app.client().json(method, url, body, sessionHeaders(browser, csrf));
}

const order = {
  personId: "new",
  fullName: "Aziz Karimov",
  legalBasis: "Migration Code, removal order 12/2026",
  orderingAuthority: "Baku Administrative Court",
  courtDecisionReference: "2(101)-45/2026",
};

function extend(id: string, newUntil: string) {
  const boundary = "----KarvanDetentionApiTest";
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(
      field("newUntil", newUntil) +
        field("decisionReference", "2(101)-77/2026") +
        field("decidedBy", "Baku Administrative Court") +
        field("decidedOn", "2026-03-02") +
        `--${boundary}\r\nContent-Disposition: form-data; name="decisionDocument"; filename="decision.pdf"\r\n` +
        "Content-Type: application/pdf\r\n\r\n",
    ),
    Buffer.from("%PDF-1.7\n% the court's extension decision\n%%EOF\n", "latin1"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.karvan.server.inject({
    method: "POST",
    url: `${base}/${id}/extensions`,
    headers: {
      ...sessionHeaders(officer),
      accept: "application/json",
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  const staff = (email: string, roles: string[]) =>
    signInNewStaff(db, clock, app.client(), { email, fullName: email, agency: "SMS", roles });
  [officer, caseOfficer] = (
    await Promise.all([
      staff("detention@sms.gov.az", ["detention_officer"]),
      staff("cases@sms.gov.az", ["case_officer"]),
    ])
  ).map((one) => one.browser) as [TestClient, TestClient];
  await seedDemoDetentionCentres(db, clock);
  const [centre] = await queryRows<{ id: string }>(
    db,
    sql`select id from detention_centres where code = 'DEMO-BAKU-DC'`,
  );
  centreId = centre?.id ?? "";
});
afterAll(async () => {
  await app?.close();
});

describe("the detention API", () => {
  let placementId: string;

  it("places, reads with time limits (audited), lists, reviews and releases", async () => {
    const placed = await call(officer, "POST", base, { ...order, centreId, startDate: "2026-03-02" });
    expect(placed.statusCode).toBe(201);
    placementId = placed.json().placement.id;
    expect(placed.headers.location).toBe(`${base}/${placementId}`);

    const read = await call(officer, "GET", `${base}/${placementId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      placement: { permittedUntil: "2026-06-01", status: "placed" },
      person: { name: "Aziz Karimov" },
      timeLimits: { today: "2026-03-02", absoluteLimit: "2026-09-01" },
    });
    const [viewed] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records where action = 'detention_placement.viewed' and entity_id = ${placementId}`,
    );
    expect(viewed?.n).toBeGreaterThan(0);

    const late = await call(officer, "POST", base, {
      ...order,
      fullName: "Leyla Haddad",
      citizenship: "SY",
      centreId,
      startDate: "2026-02-01",
      permittedUntil: "2026-03-01",
    });
    expect(late.statusCode).toBe(201);
    const overdue = await call(officer, "GET", `${base}/attention?standing=overdue&centre=DEMO-BAKU-DC`);
    expect(overdue.json().placements.map((row: { placement: { id: string } }) => row.placement.id)).toEqual([
      late.json().placement.id,
    ]);
    expect((await call(officer, "GET", `${base}/attention?standing=due_soon`)).json().placements).toEqual([]);
    const centres = await call(officer, "GET", "/api/v1/detention/centres");
    const baku = centres.json().centres.find((centre: { id: string }) => centre.id === centreId);
    expect(baku.days.at(-1)).toMatchObject({ date: "2026-03-02", present: 2, arrivals: 1 });

    const reviewed = await call(officer, "POST", `${base}/${placementId}/reviews`, {
      reviewedOn: "2026-03-02",
      outcome: "continue",
      notes: "Travel document still awaited.",
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().reviews).toHaveLength(1);
    const released = await call(officer, "POST", `${base}/${late.json().placement.id}/end`, {
      endKind: "released",
      endedOn: "2026-03-02",
      endRecord: "Released on the court's order.",
    });
    expect(released.statusCode).toBe(200);
    expect(released.json().placement.status).toBe("released");
  });

  it("lists the register with filters and pages; occupancy over a chosen period as JSON and CSV", async () => {
    const all = await call(officer, "GET", `${base}?limit=1`);
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 2, page: 1, pageCount: 2, limit: 1 });
    // Running stays first: Karimov's, placed today; Haddad was released today.
    expect(all.json().placements[0]).toMatchObject({
      person: { name: "Aziz Karimov" },
      standing: "in_time",
      centreCode: "DEMO-BAKU-DC",
    });
    const released = await call(officer, "GET", `${base}?status=released&q=Leyla%20Haddad&from=2026-02-01`);
    expect(released.json().placements.map((row: { standing: string }) => row.standing)).toEqual(["ended"]);

    // Haddad's stay began on 1 February.
    const week = await call(officer, "GET", "/api/v1/detention/centres?from=2026-01-30&to=2026-02-05");
    expect(week.json()).toMatchObject({ from: "2026-01-30", to: "2026-02-05" });
    const baku = week.json().centres.find((centre: { id: string }) => centre.id === centreId);
    expect(baku.days.map((day: { present: number }) => day.present)).toEqual([0, 0, 1, 1, 1, 1, 1]);
    const csv = await app.karvan.server.inject({
      method: "GET",
      url: "/api/v1/detention/centres/occupancy.csv?from=2026-03-01&to=2026-03-02",
      headers: sessionHeaders(officer, false),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("DEMO-BAKU-DC,");
    expect(
      csv.body.split("\r\n").find((line) => line.includes("DEMO-BAKU-DC") && line.includes("2026-03-02")),
    ).toMatch(/,2026-03-02,\d+,1,\d+,1,1$/);
  });

  it("answers 400 with the field and a message in the caller's language for a bad period or filter", async () => {
    const tooLong = await call(
      officer,
      "GET",
      "/api/v1/detention/centres?from=2025-01-01&to=2026-03-01&lang=ru",
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({
      code: "detention_period_invalid",
      details: { problems: [{ field: "to", messageKey: "detention.errors.periodTooLong" }] },
    });
    expect(tooLong.json().error.details.problems[0].message).toContain("года");
    const notADate = await call(officer, "GET", "/api/v1/detention/centres/occupancy.csv?from=2026-02-30");
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error.details.problems[0].field).toBe("from");
    const badFilter = await call(officer, "GET", `${base}?status=escaped&centre=NOWHERE&limit=0`);
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.code).toBe("detention_filter_invalid");
    expect(
      badFilter.json().error.details.problems.map((problem: { field: string }) => problem.field),
    ).toEqual(["status", "limit"]);
    const unknownCentre = await call(officer, "GET", `${base}?centre=NOWHERE`);
    expect(unknownCentre.json().error.details.problems[0].field).toBe("centre");
  });

  it("refuses a period beyond the law's limits, naming the last lawful day", async () => {
    const beyondFirst = await call(officer, "POST", base, {
      ...order,
      centreId,
      startDate: "2026-03-02",
      permittedUntil: "2026-06-02",
    });
    expect(beyondFirst.statusCode).toBe(422);
    expect(beyondFirst.json().error.code).toBe("detention_period_beyond_initial");
    const beyondMaximum = await extend(placementId, "2026-09-02");
    expect(beyondMaximum.statusCode).toBe(422);
    expect(beyondMaximum.json().error).toMatchObject({
      code: "detention_extension_beyond_maximum",
      details: { lastLawfulDay: "2026-09-01" },
    });
    const extended = await extend(placementId, "2026-09-01");
    expect(extended.statusCode).toBe(200);
    expect(extended.json().placement.permittedUntil).toBe("2026-09-01");
  });

  it("answers 422 naming each bad field, 404 for an unknown placement, 403 without permission or CSRF", async () => {
    const bad = await call(officer, "POST", base, {
      ...order,
      centreId,
      legalBasis: "",
      startDate: "2026-02-30",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("detention_body_invalid");
    expect(
      bad
        .json()
        .error.details.problems.map((problem: { field: string }) => problem.field)
        .sort(),
    ).toEqual(["legalBasis", "startDate"]);
    const unknown = await call(officer, "GET", `${base}/00000000-0000-4000-8000-000000000000`);
    expect(unknown.statusCode).toBe(404);
    expect((await call(caseOfficer, "GET", base)).statusCode).toBe(403);
    expect((await call(caseOfficer, "GET", `${base}/${placementId}`)).statusCode).toBe(403);
    expect(
      (await call(officer, "POST", base, { ...order, centreId, startDate: "2026-03-02" }, false)).statusCode,
    ).toBe(403);
    expect((await app.client().json("GET", base)).statusCode).toBe(401);
  });

  it("is described in the OpenAPI document", async () => {
    const document = await app.client().get("/api/docs/openapi.json");
    const paths = Object.keys(document.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([base, `${base}/{id}/extensions`, "/api/v1/readmission/transfers-due"]),
    );
  });
});
