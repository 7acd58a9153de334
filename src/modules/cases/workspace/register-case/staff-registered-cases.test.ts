import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { findAgencyByCode } from "../../../access/index.js";
import { loadCaseState } from "../../engine/projection-repository.js";
import { casesSeenBy } from "../../operations/cases-seen-by.js";
import { signInNewApplicant } from "../../portal/portal-test-bed.js";
import { protectedProcedure } from "../../test-support/protected-case-type.js";
import { contextOf, hiddenValue, location, signInNewStaff, staffPrincipal } from "../workspace-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
let app: TestApp;
let asylumOfficer: { browser: TestClient; userId: string };
let supervisor: { browser: TestClient; userId: string };
let caseOfficer: { browser: TestClient; userId: string };
let caseId: string;
let caseNumber: string;

const path = "/cases/register/protected-procedure";
const answers = {
  fullName: "Karim Nazari",
  "birthDate-day": "3",
  "birthDate-month": "4",
  "birthDate-year": "1991",
  citizenship: "AF",
  religion: "Bahá'í",
  ground: "family",
};

async function auditOf(entityId: string | null, action: string) {
  return queryRows<{ actor_id: string | null; details: Record<string, unknown> }>(
    app.database.db,
    sql`select actor_id, details from audit_records
        where action = ${action} and (${entityId}::uuid is null or entity_id = ${entityId}) order by id`,
  );
}

async function staff(email: string, roles: string[]) {
  return signInNewStaff(app.database.db, clock, app.client(), {
    email,
    fullName: email,
    agency: "SMS",
    roles,
  });
}

async function registerForm(browser: TestClient, fields: Record<string, string | string[]>) {
  const form = await browser.get(path);
  return browser.post(path, { _key: hiddenValue(form.body, "_key"), ...fields });
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [protectedProcedure] });
  asylumOfficer = await staff("asylum@sms.gov.az", ["asylum_officer"]);
  supervisor = await staff("supervisor@sms.gov.az", ["asylum_supervisor"]);
  caseOfficer = await staff("officer@sms.gov.az", ["case_officer"]);
});

afterAll(async () => {
  await app?.close();
});

describe("registering a case from the workspace", () => {
  it("lists the types the officer may register, and none to an officer without access.register", async () => {
    const list = await asylumOfficer.browser.get("/cases/register");
    expect(list.body).toContain('href="/cases/register/protected-procedure"');
    const queue = await asylumOfficer.browser.get("/cases");
    expect(queue.body).toContain('data-testid="register-case-link"');
    const none = await caseOfficer.browser.get("/cases/register");
    expect(none.body).toContain('data-testid="no-registrable-types"');
    expect(none.body).not.toContain("protected-procedure");
  });

  it("refuses the form to an officer without access.register (403, audited)", async () => {
    const refused = await caseOfficer.browser.get(path);
    expect(refused.statusCode).toBe(403);
    const posted = await caseOfficer.browser.post(path, answers);
    expect(posted.statusCode).toBe(403);
    const denied = await auditOf(null, "access.denied");
    expect(denied.some((row) => row.details.permission === "asylum.register")).toBe(true);
  });

  it("keeps what was typed and points at the question when an answer is missing", async () => {
    const { fullName: _missing, ...rest } = answers;
    const response = await registerForm(asylumOfficer.browser, rest);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#fullName"');
    expect(response.body).toContain('value="Bahá&#39;í"');
  });

  it("shows a question an answer reveals before registering", async () => {
    const form = await asylumOfficer.browser.get(path);
    const shown = [...form.body.matchAll(/name="_shown" value="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(shown).not.toContain("employer");
    const response = await asylumOfficer.browser.post(path, {
      _key: hiddenValue(form.body, "_key"),
      _shown: shown,
      ...answers,
      ground: "work",
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-testid="revealed-notice"');
    expect(response.body).toContain('name="employer"');
  });

  it("registers the case without an applicant account, once for a form sent twice", async () => {
    const form = await asylumOfficer.browser.get(path);
    const key = hiddenValue(form.body, "_key");
    const first = await asylumOfficer.browser.post(path, { _key: key, ...answers });
    expect(first.statusCode).toBe(303);
    expect(location(first)).toMatch(/^\/cases\/[0-9a-f-]{36}\?done=registered$/);
    const again = await asylumOfficer.browser.post(path, { _key: key, ...answers });
    expect(location(again)).toBe(location(first));
    caseId = location(first).slice("/cases/".length, "/cases/".length + 36);
    const state = await loadCaseState(app.database.db, caseId);
    expect(state?.applicantUserId).toBeNull();
    expect(state?.category).toBe("open");
    expect(state?.answers.fullName).toBe("Karim Nazari");
    caseNumber = state?.number ?? "";
    const submitted = await auditOf(caseId, "case.submitted");
    expect(submitted[0]).toMatchObject({ actor_id: asylumOfficer.userId, details: { channel: "staff" } });
    const file = await asylumOfficer.browser.get(location(first));
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain("The case is registered.");
  });
});

describe("registering a case through the staff API", () => {
  const register = (who: { browser: TestClient }, body: unknown, csrf = true, key = "api-registration-1") =>
    app.client().json("POST", "/api/v1/staff/cases/protected-procedure", body, {
      cookie: ["karvan_session", "karvan_csrf"]
        .map((name) => `${name}=${who.browser.cookie(name) ?? ""}`)
        .join("; "),
      ...(csrf && who.browser.csrfToken ? { "x-csrf-token": who.browser.csrfToken } : {}),
      "idempotency-key": key,
    });
  const body = {
    answers: { fullName: "Farid Rezaei", birthDate: "1988-01-09", citizenship: "IR", ground: "family" },
  };

  it("registers with the session of an officer holding access.register, CSRF checked", async () => {
    expect((await register(asylumOfficer, body, false)).statusCode).toBe(403);
    const created = await register(asylumOfficer, body);
    expect(created.statusCode).toBe(201);
    expect(String(created.headers.location)).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const repeated = await register(asylumOfficer, body);
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().id).toBe(created.json().id);
  });

  it("refuses an officer without it (403) and points at a wrong answer (422)", async () => {
    expect((await register(caseOfficer, body)).statusCode).toBe(403);
    const invalid = await register(
      asylumOfficer,
      { answers: { ...body.answers, birthDate: "tomorrow" } },
      true,
      "2",
    );
    expect(invalid.statusCode).toBe(422);
    expect(JSON.stringify(invalid.json())).toContain("birthDate");
  });
});

describe("a type only some roles may see (access.read)", () => {
  it("is left out of the queue, the search and other modules' lists for an officer without it", async () => {
    const queue = await caseOfficer.browser.get("/cases");
    expect(queue.body).not.toContain(caseNumber);
    expect(queue.body).not.toContain("Protected procedure");
    const search = await caseOfficer.browser.get(`/cases?q=${encodeURIComponent(caseNumber)}`);
    expect(search.body).not.toContain(`href="/cases/${caseId}"`);
    expect(search.body).toContain('data-testid="queue-empty"');
    const ownQueue = await asylumOfficer.browser.get("/cases");
    expect(ownQueue.body).toContain(caseNumber);
    const agency = await findAgencyByCode(app.database.db, "SMS");
    const without = staffPrincipal(caseOfficer.userId, agency?.id ?? "", ["cases.read"]);
    // Not even counted as a case of another agency: the count would tell that it exists.
    expect(await casesSeenBy(contextOf(app.karvan.cases, without), [caseId])).toEqual({
      seen: [],
      unseen: 0,
    });
    const withRead = staffPrincipal(asylumOfficer.userId, agency?.id ?? "", ["cases.read", "asylum.read"]);
    expect((await casesSeenBy(contextOf(app.karvan.cases, withRead), [caseId])).seen).toHaveLength(1);
  });

  it("answers 403 to a direct request for the case file and its pages, audited", async () => {
    for (const page of ["", "/documents", "/history"]) {
      const response = await caseOfficer.browser.get(`/cases/${caseId}${page}`);
      expect(response.statusCode).toBe(403);
    }
    const denied = await auditOf(caseId, "access.denied");
    expect(denied.filter((row) => row.details.permission === "asylum.read")).toHaveLength(3);
    expect(denied.every((row) => row.actor_id === caseOfficer.userId)).toBe(true);
  });
});

describe("special-category answers (access.sensitive)", () => {
  it("are restricted for a reader without the permission, and no special-category read is recorded", async () => {
    const file = await asylumOfficer.browser.get(`/cases/${caseId}`);
    expect(file.body).toContain("Karim Nazari");
    expect(file.body).toContain("Restricted: special-category data");
    expect(file.body).not.toContain("Bahá");
    expect(await auditOf(caseId, "case.sensitive_read")).toHaveLength(0);
  });

  it("are shown to a holder of the permission, each read audited as special-category access", async () => {
    const file = await supervisor.browser.get(`/cases/${caseId}`);
    expect(file.body).toContain("Bahá&#39;í");
    expect(file.body).not.toContain("Restricted: special-category data");
    const reads = await auditOf(caseId, "case.sensitive_read");
    expect(reads).toEqual([
      { actor_id: supervisor.userId, details: { channel: "case-file:overview", answers: "religion" } },
    ]);
  });
});

describe("representatives (access.representatives)", () => {
  let lawyer: { browser: TestClient; userId: string };
  let other: { browser: TestClient; userId: string };

  beforeAll(async () => {
    lawyer = await signInNewApplicant(app.database.db, clock, app.client(), "lawyer@example.org");
    other = await signInNewApplicant(app.database.db, clock, app.client(), "someone@example.org");
  });

  it("an officer gives a lawyer access, and the lawyer follows that case in the portal only", async () => {
    await asylumOfficer.browser.get(`/cases/${caseId}`);
    const unknown = await asylumOfficer.browser.post(`/cases/${caseId}/representatives`, {
      email: "nobody@example.org",
      role: "lawyer",
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('href="#representative-email"');
    expect(unknown.body).toContain('value="nobody@example.org"');
    const added = await asylumOfficer.browser.post(`/cases/${caseId}/representatives`, {
      email: "Lawyer@example.org",
      role: "lawyer",
    });
    expect(location(added)).toBe(`/cases/${caseId}?done=representativeAdded`);
    expect(app.mailer.lastTo("lawyer@example.org")?.subject).toContain(caseNumber);
    const file = await asylumOfficer.browser.get(location(added));
    expect(file.body).toContain('data-testid="representatives"');
    expect(file.body).toContain("lawyer@example.org");

    const dashboard = await lawyer.browser.get("/applications");
    expect(dashboard.body).toContain(caseNumber);
    const status = await lawyer.browser.get(`/applications/${caseId}`);
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(caseNumber);
    // The applicant's forms are not offered to the representative, who could not send them.
    expect(status.body).not.toContain(`/applications/${caseId}/withdraw"`);
    expect(status.body).not.toContain(`action="/applications/${caseId}/messages"`);
    const viewed = await auditOf(caseId, "case.viewed");
    expect(viewed.at(-1)).toMatchObject({ actor_id: lawyer.userId, details: { as: "representative" } });
    expect(await auditOf(caseId, "case.representative_added")).toHaveLength(1);
    // Not someone else, and not the applicant's own steps.
    expect((await other.browser.get(`/applications/${caseId}`)).statusCode).toBe(404);
    expect((await lawyer.browser.get(`/applications/${caseId}/withdraw`)).statusCode).toBe(404);
  });

  it("refuses an officer without cases.process, and ends the access", async () => {
    await supervisor.browser.get(`/cases/${caseId}`);
    const refused = await supervisor.browser.post(`/cases/${caseId}/representatives`, {
      email: "someone@example.org",
      role: "guardian",
    });
    expect(refused.statusCode).toBe(403);
    const file = await asylumOfficer.browser.get(`/cases/${caseId}`);
    const endPath = /action="(\/cases\/[^"]+\/end)"/.exec(file.body)?.[1] ?? "";
    const ended = await asylumOfficer.browser.post(endPath, {});
    expect(location(ended)).toBe(`/cases/${caseId}?done=representativeEnded`);
    expect(app.mailer.lastTo("lawyer@example.org")?.subject).toContain("ended");
    expect((await lawyer.browser.get(`/applications/${caseId}`)).statusCode).toBe(404);
    expect((await lawyer.browser.get("/applications")).body).not.toContain(caseNumber);
    expect(await auditOf(caseId, "case.representative_ended")).toHaveLength(1);
  });
});
