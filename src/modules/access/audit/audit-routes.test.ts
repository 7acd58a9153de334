import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { queryRows } from "../../../platform/db/index.js";
import { createUser } from "../create-user.js";
import { systemActor } from "../principal.js";
import { agencies } from "../schema.js";
import { createSession, sessionCookie } from "../sessions.js";
import { AuditAnchoring, auditAnchorSettings } from "./anchor-audit-chain.js";
import { appendAnchor } from "./audit-anchor-log.js";
import { sealPendingRecords } from "./seal-audit-trail.js";

let app: TestApp;
let auditorId: string;
let officerId: string;
let smsId: string;
let ganjaId: string;

async function newStaff(email: string, fullName: string, roles: string[], agency = "SMS"): Promise<string> {
  const { id } = await createUser(
    { db: app.karvan.access.db, clock: app.karvan.clock, actor: systemActor },
    {
      email,
      fullName,
      password: "a-long-enough-passphrase-42",
      kind: "staff",
      agency,
      roles,
      status: "active",
    },
  );
  return id;
}

/** A browser signed in as this user with every factor passed (the sign-in journey is tested elsewhere). */
async function signedIn(userId: string, lang = "en"): Promise<TestClient> {
  const session = await createSession(app.karvan.access.db, app.karvan.clock, { userId, mfaPassed: true });
  const client = app.client();
  client.setCookie(sessionCookie, session.token);
  await client.get(`/?lang=${lang}`);
  return client;
}

interface Seed {
  at: string;
  actorType?: string;
  actorId?: string | null;
  action: string;
  outcome?: string;
  entityType?: string | null;
  entityId?: string | null;
  agencyId?: string | null;
}

async function seed(record: Seed): Promise<number> {
  const [row] = await queryRows<{ id: string }>(
    app.karvan.access.db,
    sql`insert into audit_records (at, actor_type, actor_id, action, outcome, entity_type, entity_id, agency_id, ip, request_id)
        values (${record.at}, ${record.actorType ?? "user"}, ${record.actorId ?? null}, ${record.action},
                ${record.outcome ?? "success"}, ${record.entityType ?? null}, ${record.entityId ?? null},
                ${record.agencyId ?? null}, '192.0.2.7', 'req-seeded')
        returning id::text as "id"`,
  );
  return Number(row?.id);
}

async function latest(action: string) {
  const [row] = await queryRows<{
    actorId: string | null;
    outcome: string;
    details: Record<string, unknown> | null;
  }>(
    app.karvan.access.db,
    sql`select actor_id as "actorId", outcome, details from audit_records where action = ${action} order by id desc limit 1`,
  );
  return row;
}

interface ApiRecord {
  id: number;
  action: string;
  actor: { type: string; id: string | null };
  outcome: string;
  entity: { type: string | null; id: string | null };
  agencyId: string | null;
}

async function apiSearch(
  client: TestClient,
  query: string,
): Promise<{ records: ApiRecord[]; nextBefore: number | null }> {
  const response = await client.get(`/api/v1/audit-records?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const seeded: Record<string, number> = {};

beforeAll(async () => {
  app = await createTestApp();
  const [sms] = await app.karvan.access.db.select().from(agencies).where(sql`code = 'SMS'`);
  const [ganja] = await app.karvan.access.db.select().from(agencies).where(sql`code = 'SMS-GANJA'`);
  smsId = sms?.id as string;
  ganjaId = ganja?.id as string;
  auditorId = await newStaff("auditor@example.az", "Ilgar Nasirov", ["auditor"]);
  officerId = await newStaff("officer@example.az", "Leyla Mammadova", ["case_officer"], "SMS-GANJA");
  seeded.anonymous = await seed({
    at: "2026-01-05T07:00:00Z",
    actorType: "anonymous",
    action: "auth.sign_in_failed",
  });
  seeded.signIn = await seed({ at: "2026-02-10T08:00:00Z", actorId: officerId, action: "auth.signed_in" });
  seeded.refused = await seed({
    at: "2026-02-11T09:30:00Z",
    actorId: officerId,
    action: "access.denied",
    outcome: "denied",
    entityType: "case",
    entityId: "C-1001",
    agencyId: ganjaId,
  });
  // 21:30 UTC on the 15th is 01:30 on the 16th in Baku.
  seeded.lateEvening = await seed({
    at: "2026-02-15T21:30:00Z",
    actorType: "system",
    action: "cases.deadline_passed",
    outcome: "failure",
    entityType: "case",
    entityId: "C-1001",
    agencyId: smsId,
  });
  seeded.apiKey = await seed({
    at: "2026-02-16T10:00:00Z",
    actorType: "api_key",
    actorId: "0b5c3a0e-7a56-4a3f-9f0e-5d1a2b3c4d5e",
    action: "stay.registered",
    entityType: "stay_registration",
    entityId: "S-77",
    agencyId: smsId,
  });
});

afterAll(async () => {
  await app.close();
});

describe("auditor pages", () => {
  it("sends people who are not signed in to the sign-in page", async () => {
    const response = await app.client().get("/audit");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in?next=%2Faudit");
    expect((await app.client().json("GET", "/api/v1/audit-records")).statusCode).toBe(401);
  });

  it("refuses staff without audit.read (403), and audits the refusal", async () => {
    const officer = await signedIn(officerId);
    for (const url of ["/audit", "/audit/chain", `/audit/${seeded.signIn}`, "/audit/export.csv"]) {
      const response = await officer.get(url);
      expect(response.statusCode, url).toBe(403);
    }
    expect((await officer.get("/api/v1/audit-records")).statusCode).toBe(403);
    expect((await officer.post("/audit/chain/verify")).statusCode).toBe(403);
    const refusals = await queryRows<{ count: number }>(
      app.karvan.access.db,
      sql`select count(*)::int as "count" from audit_records
          where action = 'access.denied' and actor_id = ${officerId} and details->>'permission' = 'audit.read'`,
    );
    expect(refusals[0]?.count).toBe(6);
    expect(await latest("access.denied")).toMatchObject({ outcome: "denied", actorId: officerId });
  });

  it("shows the trail newest first with names, and audits the search", async () => {
    const auditor = await signedIn(auditorId);
    const response = await auditor.get("/audit");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Search the audit trail");
    expect(response.body).toContain('data-testid="audit-results"');
    expect(response.body).toContain("Leyla Mammadova");
    // Actions and record types in words; a code without a translation is shown as it is.
    expect(response.body).toContain('data-action="access.denied">Access refused<');
    expect(response.body).toContain('data-action="auth.sign_in_failed">Sign-in failed<');
    expect(response.body).toContain("Stay registration<br>");
    expect(response.body).toContain('data-action="cases.deadline_passed">cases.deadline_passed<');
    expect(response.body).toContain("Not signed in");
    // Times in Baku: 21:30 UTC on 15 February is 01:30:00 on 16 February.
    expect(response.body).toContain("16 Feb 2026, 01:30:00");
    expect(response.body.indexOf("stay.registered")).toBeLessThan(response.body.indexOf("auth.signed_in"));
    expect(await latest("audit.searched")).toMatchObject({ actorId: auditorId, outcome: "success" });
  });

  it("speaks Azerbaijani and Russian", async () => {
    const az = await (await signedIn(auditorId, "az")).get("/audit");
    expect(az.body).toContain("Audit jurnalında axtarış");
    expect(az.body).toContain('data-action="access.denied">Giriş rədd edildi<');
    expect(az.body).toContain("İş<br>");
    const russian = await signedIn(auditorId, "ru");
    const ru = await russian.get("/audit/chain");
    expect(ru.body).toContain("Состояние цепочки аудита");
    const ruRecord = await russian.get(`/audit/${seeded.refused}`);
    expect(ruRecord.body).toContain("Доступ запрещён<br>");
    expect(ruRecord.body).toContain("Код действия: access.denied");
    expect(ruRecord.body).toContain("Дело<br>");
  });

  it("filters by action (exact and prefix), outcome, entity, agency, actor and dates", async () => {
    const auditor = await signedIn(auditorId);
    const ids = async (query: string) => (await apiSearch(auditor, query)).records.map((record) => record.id);

    const february = "from=2026-02-01&to=2026-02-28";
    expect(await ids(`${february}&action=access.denied`)).toEqual([seeded.refused]);
    expect(await ids(`${february}&action=cases.*`)).toEqual([seeded.lateEvening]);
    expect(await ids(`${february}&outcome=failure`)).toEqual([seeded.lateEvening]);
    expect(await ids("entityType=case&entityId=C-1001")).toEqual([seeded.lateEvening, seeded.refused]);
    expect(await ids(`${february}&agency=${ganjaId}`)).toEqual([seeded.refused]);
    expect(await ids(`actor=${officerId}&from=2026-02-01&to=2026-02-28`)).toEqual([
      seeded.refused,
      seeded.signIn,
    ]);
    expect(await ids("actor=OFFICER@example.az&from=2026-02-01&to=2026-02-28")).toEqual([
      seeded.refused,
      seeded.signIn,
    ]);
    // Whole days in Baku: the record of 21:30 UTC on the 15th belongs to the 16th.
    expect(await ids("from=2026-02-16&to=2026-02-16")).toEqual([seeded.apiKey, seeded.lateEvening]);
    expect(await ids("from=2026-02-15&to=2026-02-15")).toEqual([]);

    const unknown = await auditor.get("/api/v1/audit-records?actor=nobody@example.az");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: { code: "audit_actor_unknown" } });

    const page = await auditor.get("/audit?action=access.denied&from=11%2F02%2F2026&to=11.02.2026");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/audit/${seeded.refused}"`);
    expect(page.body).not.toContain(`href="/audit/${seeded.signIn}"`);
    expect(page.body).toContain('value="access.denied"');
    expect(await latest("audit.searched")).toMatchObject({
      details: { action: "access.denied", from: "2026-02-11", to: "2026-02-11", results: 1 },
    });

    const searchedByEmail = await auditor.get("/audit?actor=officer%40example.az");
    expect(searchedByEmail.statusCode).toBe(200);
    // The audit record of the search names the user by id, never by e-mail address.
    const details = (await latest("audit.searched"))?.details;
    expect(details).toMatchObject({ actorId: officerId });
    expect(JSON.stringify(details)).not.toContain("officer@example.az");
  });

  it("shows errors at the fields and in the summary, keeping what was typed", async () => {
    const auditor = await signedIn(auditorId);
    const response = await auditor.get(
      "/audit?from=31%2F02%2F2026&to=01%2F01%2F2026&actor=nobody&action=bad%20action",
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("There is a problem");
    expect(response.body).toContain('href="#from"');
    expect(response.body).toContain("Enter the start date as a real date");
    expect(response.body).toContain("Enter an e-mail address or an ID");
    expect(response.body).toContain('value="31/02/2026"');
    expect(response.body).not.toContain('data-testid="audit-results"');

    const unknown = await auditor.get("/audit?actor=nobody%40example.az");
    expect(unknown.body).toContain("There is no user with this e-mail address");
    expect(unknown.body).toContain('href="#actor"');
  });

  it("pages through results newest first by keyset", async () => {
    const auditor = await signedIn(auditorId);
    const first = await apiSearch(auditor, "limit=2&from=2026-02-01&to=2026-02-28");
    expect(first.records.map((record) => record.id)).toEqual([seeded.apiKey, seeded.lateEvening]);
    expect(first.nextBefore).toBe(seeded.lateEvening);
    const second = await apiSearch(
      auditor,
      `limit=2&from=2026-02-01&to=2026-02-28&before=${first.nextBefore}`,
    );
    expect(second.records.map((record) => record.id)).toEqual([seeded.refused, seeded.signIn]);
    expect(second.nextBefore).toBeNull();

    const older = await auditor.get(
      `/audit?from=01%2F02%2F2026&to=28%2F02%2F2026&before=${seeded.lateEvening}`,
    );
    expect(older.body).toContain(`href="/audit/${seeded.refused}"`);
    expect(older.body).not.toContain(`href="/audit/${seeded.apiKey}"`);
    expect(older.body).toContain(`after=${seeded.refused}`);
    expect(older.body).toContain("Newer records");
  });

  it("shows a record with its seal status, and audits the viewing", async () => {
    const auditor = await signedIn(auditorId);
    const before = await auditor.get(`/audit/${seeded.refused}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(`Audit record ${seeded.refused}`);
    expect(before.body).toContain("Leyla Mammadova");
    expect(before.body).toContain("C-1001");
    expect(before.body).toContain("Not sealed yet");
    expect(await latest("audit.record_viewed")).toMatchObject({ actorId: auditorId });

    await sealPendingRecords(
      { db: app.karvan.access.db, auditKey: app.config.auditKey },
      { timeoutMs: 30_000 },
    );
    const after = await auditor.get(`/audit/${seeded.refused}`);
    expect(after.body).toContain("The record matches its seal");
    expect((await auditor.get("/audit/999999999")).statusCode).toBe(404);
    expect((await auditor.get("/audit/not-a-number")).statusCode).toBe(404);
  });

  it("shows the chain status and verifies the chain on request", async () => {
    const auditor = await signedIn(auditorId);
    await sealPendingRecords(
      { db: app.karvan.access.db, auditKey: app.config.auditKey },
      { timeoutMs: 30_000 },
    );
    const status = await auditor.get("/audit/chain");
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain("Sealed up to record number");
    expect(status.body).toContain("The chain has not been verified yet.");

    const verified = await auditor.post("/audit/chain/verify");
    expect(verified.statusCode).toBe(200);
    expect(verified.body).toContain('data-testid="audit-verification-ok"');
    expect(verified.body).toContain("The chain is intact");
    expect(verified.body).toContain("Ilgar Nasirov");
    expect(await latest("audit.verified")).toMatchObject({ actorId: auditorId, outcome: "success" });
  });

  it("shows the latest anchor, and a verification fails when the trail ends before it", async () => {
    const auditor = await signedIn(auditorId);
    const file = app.config.auditAnchorFile as string;
    await sealPendingRecords(
      { db: app.karvan.access.db, auditKey: app.config.auditKey },
      {
        timeoutMs: 30_000,
        anchoring: new AuditAnchoring({
          db: app.karvan.access.db,
          auditKey: app.config.auditKey,
          settings: auditAnchorSettings(app.config),
        }),
      },
    );
    const status = await auditor.get("/audit/chain");
    expect(status.body).toContain('data-state="matches"');
    expect(status.body).toContain("The chain holds the latest anchor");

    // An anchor past the chain's end, as if the records after it had been cut off.
    const [head] = await queryRows<{ upTo: string }>(
      app.karvan.access.db,
      sql`select max(record_id)::text as "upTo" from audit_seals`,
    );
    const beyond = Number(head?.upTo) + 50;
    await appendAnchor(file, app.config.auditKey, {
      sequence: beyond,
      hash: "c".repeat(64),
      at: new Date().toISOString(),
    });
    try {
      const cut = await (await signedIn(auditorId, "ru")).get("/audit/chain");
      expect(cut.body).toContain('data-state="cut_off"');
      expect(cut.body).toContain("Конец журнала отрезан");
      const verified = await auditor.post("/audit/chain/verify");
      expect(verified.body).toContain('data-testid="audit-anchor-problem"');
      expect(verified.body).not.toContain('data-testid="audit-verification-ok"');
      expect(await latest("audit.verified")).toMatchObject({
        outcome: "failure",
        details: { anchor: "cut_off", anchoredUpTo: beyond, problems: 0 },
      });
    } finally {
      rmSync(file);
    }
  });

  it("exports a search as CSV, audited, with formula-looking cells defused", async () => {
    await seed({
      at: "2026-02-20T10:00:00Z",
      actorType: "system",
      action: "test.export",
      entityType: "=cmd",
      entityId: "x,y",
    });
    const auditor = await signedIn(auditorId);
    const response = await auditor.get("/audit/export.csv?action=test.export");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="audit-trail-/);
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Record number,Time,Actor type");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',test.export,success,\'=cmd,"x,y",');
    expect(await latest("audit.exported")).toMatchObject({
      actorId: auditorId,
      details: { action: "test.export" },
    });
  });

  it("documents the API in OpenAPI", async () => {
    const spec = app.karvan.server.swagger() as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }>;
    };
    const operation = spec.paths["/api/v1/audit-records"]?.get;
    expect(operation?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining([
        "from",
        "to",
        "actor",
        "action",
        "outcome",
        "entityType",
        "entityId",
        "agency",
        "before",
        "limit",
      ]),
    );
  });
});
