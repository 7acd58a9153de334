import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { seedDemoCaseload } from "../../../../demo/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { createUser, systemActor } from "../../../access/index.js";
import { createSession, sessionCookie } from "../../../access/sessions.js";
import { listParkedCases } from "../../facts/parked-case-repository.js";
import { catchUpStatistics } from "../../facts/statistics-projector.js";
import type { StatisticsContext } from "../../statistics-context.js";

let app: TestApp;
let context: StatisticsContext;
let administratorId: string;
let administrator: TestClient;
let analyst: TestClient;
let administratorAndApprover: TestClient;
let parked: { id: string; number: string; birthDate: string };

async function signedInStaff(email: string, roles: string[]): Promise<{ id: string; client: TestClient }> {
  const { id } = await createUser(
    { db: app.karvan.access.db, clock: app.karvan.clock, actor: systemActor },
    {
      email,
      fullName: "Test Staff",
      password: "a-long-enough-passphrase-42",
      kind: "staff",
      agency: "SMS",
      roles,
    },
  );
  const session = await createSession(app.karvan.access.db, app.karvan.clock, {
    userId: id,
    mfaPassed: true,
  });
  const client = app.client();
  client.setCookie(sessionCookie, session.token);
  await client.get("/?lang=en");
  return { id, client };
}

async function auditedViews(actorId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select count(*)::int as n from audit_records where action = 'statistics.parked.viewed' and actor_id = ${actorId}`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  app = await createTestApp();
  const { registry, deadlines } = app.karvan.cases;
  context = { db: app.database.db, registry, deadlines };
  await seedDemoCaseload({
    ...context,
    clock: app.karvan.clock,
    country: "AZ",
    scale: 0.01,
    population: "built-in",
  });
  // A registration whose birth date the database refuses (year 0): the projection parks it.
  const [registration] = await queryRows<{ id: string; number: string; birthDate: string }>(
    app.database.db,
    sql`select id::text as id, number, answers->>'guestBirthDate' as "birthDate" from cases
        where type_code = 'stay-registration' and category = 'decided' and answers ? 'guestBirthDate'
        order by id limit 1`,
  );
  if (!registration) throw new Error("the demo caseload has no stay registration");
  parked = registration;
  await app.database.db.execute(sql`update cases set answers = jsonb_set(answers, '{guestBirthDate}', '"0000-01-01"')
    where id = ${parked.id}::uuid`);
  await catchUpStatistics(context);
  expect((await listParkedCases(app.database.db)).map((one) => one.caseId)).toEqual([parked.id]);

  const admin = await signedInStaff("parked.admin@test.karvan.az", ["administrator"]);
  administratorId = admin.id;
  administrator = admin.client;
  analyst = (await signedInStaff("parked.analyst@test.karvan.az", ["analyst"])).client;
  administratorAndApprover = (
    await signedInStaff("parked.both@test.karvan.az", ["administrator", "approver"])
  ).client;
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe("the parked cases page", () => {
  it("shows an administrator the parked case with its error, audits the view and is linked from the menu", async () => {
    const before = await auditedViews(administratorId);
    const page = await administrator.get("/statistics/parked");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(parked.number);
    expect(page.body).toMatch(/out of range/);
    expect(page.body).toContain('href="/statistics/parked"');
    // The administrator may not open case files: the number is shown without a link.
    expect(page.body).not.toContain(`href="/cases/${parked.id}"`);
    expect(await auditedViews(administratorId)).toBe(before + 1);
  });

  it("links the case file for a viewer who may open it", async () => {
    const page = await administratorAndApprover.get("/statistics/parked");
    expect(page.body).toContain(`href="/cases/${parked.id}"`);
  });

  it("is refused to staff without statistics.manage, even analysts", async () => {
    expect((await analyst.get("/statistics/parked")).statusCode).toBe(403);
    expect((await analyst.post("/statistics/parked/retry", {})).statusCode).toBe(403);
    expect((await app.client().get("/statistics/parked")).statusCode).not.toBe(200);
  });

  it("finds the case by part of its number, and says when nothing matches", async () => {
    const found = await administrator.get(
      `/statistics/parked?number=${encodeURIComponent(parked.number.slice(-5))}`,
    );
    expect(found.body).toContain(parked.number);
    const none = await administrator.get("/statistics/parked?number=NO-SUCH-CASE");
    expect(none.body).toContain('data-testid="parked-empty"');
    expect(none.body).not.toContain(parked.number);
  });

  it("retries: the case stays parked while its cause remains, and leaves once it is fixed", async () => {
    await administrator.get("/statistics/parked");
    expect((await administrator.post("/statistics/parked/retry", {}, { csrf: false })).statusCode).toBe(403);

    const again = await administrator.post("/statistics/parked/retry", {});
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe("/statistics/parked?retried=1&counted=0&remaining=1#retry-outcome");
    expect((await listParkedCases(app.database.db))[0]?.attempts).toBe(2);

    await app.database.db.execute(sql`update cases set answers = jsonb_set(answers, '{guestBirthDate}', to_jsonb(${parked.birthDate}::text))
      where id = ${parked.id}::uuid`);
    const fixed = await administrator.post("/statistics/parked/retry", { caseId: parked.id });
    expect(fixed.headers.location).toBe("/statistics/parked?retried=1&counted=1&remaining=0#retry-outcome");
    expect(await listParkedCases(app.database.db)).toEqual([]);
    const page = await administrator.get(String(fixed.headers.location).replace("#retry-outcome", ""));
    expect(page.body).toContain("Now counted: 1. Still parked: 0.");
    expect(page.body).toContain('data-testid="parked-empty"');

    expect((await administrator.post("/statistics/parked/retry", { caseId: "not-a-uuid" })).statusCode).toBe(
      404,
    );
  });
});
