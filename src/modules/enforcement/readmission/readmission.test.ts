import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { signInNewStaff } from "../../cases/workspace/workspace-test-bed.js";
import { recordDeemedAgreements } from "./operations/record-deemed-agreements.js";

// Monday 2 March 2026, 10:00 in Baku: the Novruz days off (20–30 March) are ahead.
const clock = new ManualClock("2026-03-02T06:00:00Z");
let app: TestApp;
let officer: { browser: TestClient; userId: string };
let otherAgencyOfficer: { browser: TestClient; userId: string };
let caseOfficer: { browser: TestClient; userId: string };
const officerEmail = "readmission@sms.gov.az";

const incoming = {
  direction: "in",
  partnerState: "DE",
  procedure: "normal",
  category: "own_national",
  fullName: "Elvin Mammadov",
  birthDate: "1990-05-01",
  placeOfBirth: "Ganja",
  sex: "M",
  citizenship: "AZ",
  documentType: "passport",
  documentNumber: "C12345678",
  lastAddress: "Nizami street 5, Ganja",
  specialCircumstances: "",
  partnerAuthority: "Bundespolizeipräsidium",
  partnerReference: "BPOL-2026-77",
  caseKnownOn: "2026-02-20",
  transmittedOn: "2026-03-02",
};

async function request(id: string) {
  const [row] = await queryRows<Record<string, string | null>>(
    app.database.db,
    sql`select status, reply_due, extended_reply_due, deemed_agreed_on, agreed_on, transfer_due, travel_document_due,
               person_id, completed_on from enforcement_readmission_requests where id = ${id}`,
  );
  return row ?? {};
}

async function logKinds(id: string): Promise<string[]> {
  const rows = await queryRows<{ kind: string }>(
    app.database.db,
    sql`select kind from enforcement_readmission_correspondence where request_id = ${id} order by recorded_at, on_date`,
  );
  return rows.map((row) => row.kind);
}

async function register(fields: Record<string, string> = {}): Promise<string> {
  await officer.browser.get("/readmission/new");
  const response = await officer.browser.post("/readmission/new", { ...incoming, ...fields });
  expect(response.statusCode).toBe(303);
  const id = /\/readmission\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1];
  if (!id) throw new Error("no request id in the redirect");
  return id;
}

async function step(id: string, name: string, fields: Record<string, string>) {
  // A minute between steps, as between an officer's clicks: the log is in the order things were recorded.
  clock.advance(60_000);
  await officer.browser.get(`/readmission/${id}`);
  return officer.browser.post(`/readmission/${id}/${name}`, fields);
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  officer = await signInNewStaff(db, clock, app.client(), {
    email: officerEmail,
    fullName: "Nigar Readmission",
    agency: "SMS",
    roles: ["readmission_officer"],
  });
  otherAgencyOfficer = await signInNewStaff(db, clock, app.client(), {
    email: "readmission@border.gov.az",
    fullName: "Rashad Border",
    agency: "MLSPP-DOST",
    roles: ["readmission_officer"],
  });
  caseOfficer = await signInNewStaff(db, clock, app.client(), {
    email: "cases@sms.gov.az",
    fullName: "Orkhan Case",
    agency: "SMS",
    roles: ["case_officer"],
  });
});
afterAll(async () => {
  await app?.close();
});

describe("readmission workflow", () => {
  it("keeps the typed values and points at the wrong fields; nothing is written", async () => {
    await officer.browser.get("/readmission/new");
    const refused = await officer.browser.post("/readmission/new", {
      ...incoming,
      partnerState: "US",
      birthDate: "1990-13-01",
      transmittedOn: "2026-02-01",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#partnerState"');
    expect(refused.body).toContain('href="#birthDate"');
    expect(refused.body).toContain("Bundespolizeipräsidium");
    const [row] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from enforcement_readmission_requests`,
    );
    expect(row?.n).toBe(0);
  });

  it("agree: registers an incoming request, enters the person, records the reply, travel document, transfer, completion", async () => {
    const id = await register();
    expect(await request(id)).toMatchObject({ status: "awaiting_reply", reply_due: "2026-03-14" });
    expect((await request(id)).person_id).not.toBeNull();
    const page = await officer.browser.get(`/readmission/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Elvin Mammadov");
    expect(
      (await step(id, "reply", { decision: "agree", onDate: "2026-03-02", reasons: "" })).statusCode,
    ).toBe(303);
    // Consent on 2 March: five Azerbaijani working days for the travel document (Women's Day, Sunday
    // 8 March, moves its day off to Monday 9 March), three months for the transfer.
    expect(await request(id)).toMatchObject({
      status: "agreed",
      agreed_on: "2026-03-02",
      travel_document_due: "2026-03-10",
      transfer_due: "2026-06-02",
    });
    expect((await step(id, "travelDocument", { onDate: "2026-03-02", number: "TD-0001" })).statusCode).toBe(
      303,
    );
    const transfer = {
      transferOn: "2026-03-16",
      borderCrossingPoint: "Heydar Aliyev airport",
      escort: "Two officers",
    };
    expect((await step(id, "transfer", transfer)).statusCode).toBe(303);
    expect((await step(id, "completion", { onDate: "2026-03-02", note: "" })).statusCode).toBe(303);
    expect(await request(id)).toMatchObject({ status: "completed", completed_on: "2026-03-02" });
    expect(await logKinds(id)).toEqual([
      "request",
      "reply_agree",
      "travel_document",
      "transfer",
      "completed",
    ]);
    // A step the status no longer allows comes back as an error on the page, not a change.
    const late = await step(id, "reply", { decision: "refuse", onDate: "2026-03-02", reasons: "late" });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('href="#reply-decision"');
  });

  it("refuse: a refusal needs its reasons, then ends the request", async () => {
    const id = await register({
      direction: "out",
      partnerState: "NO",
      category: "third_country_or_stateless",
    });
    const missing = await step(id, "reply", { decision: "refuse", onDate: "2026-03-02", reasons: "" });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#reply-reasons"');
    const refused = await step(id, "reply", {
      decision: "refuse",
      onDate: "2026-03-02",
      reasons: "Not our national",
    });
    expect(refused.statusCode).toBe(303);
    expect(await request(id)).toMatchObject({ status: "refused", agreed_on: null, transfer_due: null });
  });
});

describe("readmission deadlines", () => {
  it("extended and deemed: no reply by the extended deadline becomes a deemed agreement, once, with a notice", async () => {
    const id = await register();
    const tooLong = await step(id, "extension", {
      days: "9",
      onDate: "2026-03-02",
      reason: "Records archived",
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('href="#extension-days"');
    expect(tooLong.body).toContain(">Records archived</textarea>");
    expect(
      (await step(id, "extension", { days: "6", onDate: "2026-03-02", reason: "Records archived" }))
        .statusCode,
    ).toBe(303);
    expect(await request(id)).toMatchObject({ reply_due: "2026-03-14", extended_reply_due: "2026-03-20" });
    const context = app.karvan.readmission.systemContext();
    // The daily job runs on later days; the officer's session stays on today's clock.
    const today = clock.now();
    clock.set("2026-03-20T06:00:00Z");
    expect((await recordDeemedAgreements(context)).deemed).toBe(0);
    clock.set("2026-03-21T06:00:00Z");
    expect((await recordDeemedAgreements(context)).deemed).toBeGreaterThanOrEqual(1);
    expect(await request(id)).toMatchObject({
      status: "deemed_agreed",
      deemed_agreed_on: "2026-03-21",
      // Five working days from 21 March: the Novruz days off end on 30 March.
      travel_document_due: "2026-04-06",
      transfer_due: "2026-06-21",
    });
    expect((await recordDeemedAgreements(context)).deemed).toBe(0);
    clock.set(today);
    expect((await logKinds(id)).filter((kind) => kind === "deemed_agreement")).toHaveLength(1);
    const [row] = await queryRows<{ reference: string }>(
      app.database.db,
      sql`select reference from enforcement_readmission_requests where id = ${id}`,
    );
    const notices = app.mailer.messages.filter(
      (message) => message.to === officerEmail && message.id?.includes(id),
    );
    // On the deadline's day the officer is warned; the day after, told of the deemed agreement.
    expect(notices.map((message) => message.subject)).toEqual([
      `Readmission request ${row?.reference}: reply deadline 20 March 2026`,
      `Readmission request ${row?.reference}: deemed agreement`,
    ]);
    expect(notices[1]?.text).toContain(`/readmission/${id}?lang=en`);
    const dashboard = await officer.browser.get("/readmission");
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('data-testid="deemed"');
  });
});

describe("readmission pages", () => {
  it("logs correspondence, attaches evidence and exports the form as a PDF", async () => {
    const id = await register();
    const entry = {
      kind: "letter",
      direction: "received",
      onDate: "2026-03-02",
      note: "Copy of the passport follows",
    };
    expect((await step(id, "correspondence", entry)).statusCode).toBe(303);
    await officer.browser.get(`/readmission/${id}`);
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    const upload = await officer.browser.postMultipart(`/readmission/${id}/evidence`, [
      { name: "kind", value: "passport" },
      { name: "file", fileName: "passport.png", content: png },
    ]);
    expect(upload.statusCode).toBe(303);
    const page = await officer.browser.get(`/readmission/${id}`);
    expect(page.body).toContain("passport.png");
    expect(page.body).toContain("Copy of the passport follows");
    const pdf = await officer.browser.get(`/readmission/${id}/form.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const [audit] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records where action = 'readmission_request.exported' and entity_id = ${id}`,
    );
    expect(audit?.n).toBe(1);
  });

  it("refuses staff without the permission, and officers of another agency", async () => {
    const id = await register();
    expect((await caseOfficer.browser.get("/readmission")).statusCode).toBe(403);
    expect((await caseOfficer.browser.get(`/readmission/${id}`)).statusCode).toBe(403);
    expect((await otherAgencyOfficer.browser.get(`/readmission/${id}`)).statusCode).toBe(404);
    expect((await otherAgencyOfficer.browser.get(`/readmission/${id}/form.pdf`)).statusCode).toBe(404);
    expect((await officer.browser.get("/readmission/not-an-id")).statusCode).toBe(404);
    const agreements = await officer.browser.get("/readmission/agreements");
    expect(agreements.statusCode).toBe(200);
    expect(agreements.body).toContain('data-testid="to-be-confirmed"');
    expect(agreements.body).toContain("5 working days");
  });
});
