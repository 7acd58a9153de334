import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { sampleDocuments } from "../../../platform/files/test-documents.js";
import { renderPdf } from "../../../platform/pdf/index.js";
import { findAgencyByCode, type Principal } from "../../access/index.js";
import type { CaseState } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { completeTask } from "../operations/complete-task.js";
import { transitionCase } from "../operations/transition-case.js";
import {
  contextOf,
  location,
  newApplicant,
  signInNewStaff,
  staffPrincipal,
  submittedCase,
  workspaceSample,
} from "./workspace-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday, 10:00 in Baku
let app: TestApp;
let sms: string;
let labour: string;
let applicant: Principal;
let employment: { browser: TestClient; userId: string };
let officer: { browser: TestClient; userId: string };

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [workspaceSample] });
  sms = (await findAgencyByCode(app.database.db, "SMS"))?.id as string;
  labour = (await findAgencyByCode(app.database.db, "MLSPP-DOST"))?.id as string;
  applicant = await newApplicant(app.database.db, clock, "amina@example.org", "Amina Rahimova");
  employment = await signInNewStaff(app.database.db, clock, app.client(), {
    email: "nigar@dost.gov.az",
    fullName: "Nigar Guliyeva",
    agency: "MLSPP-DOST",
    roles: ["employment_officer"],
  });
  officer = await signInNewStaff(app.database.db, clock, app.client(), {
    email: "leyla@sms.gov.az",
    fullName: "Leyla Mammadova",
    agency: "SMS",
    roles: ["case_officer"],
  });
});
afterAll(async () => {
  await app.close();
});

const processing = () =>
  contextOf(app.karvan.cases, staffPrincipal(officer.userId, sms, ["cases.read", "cases.process"]));

async function inReview(): Promise<CaseState> {
  const state = await submittedCase(app.karvan.cases, app.config, applicant, {
    fullName: "Amina Rahimova",
    citizenship: "TR",
    employer: "Caspian LLC",
    passportNumber: "U12345678",
  });
  return transitionCase(processing(), state.id, undefined, "start-review");
}

describe("tasks routed to the employment service", () => {
  it("lets an employment officer see only what the task needs and give the labour-market opinion", async () => {
    const state = await inReview();
    const task = state.tasks[0];
    expect(task).toMatchObject({ agencyId: labour, status: "open" });

    const queue = await employment.browser.get("/tasks");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain("Tasks for your agency");
    expect(queue.body).toContain(state.number);
    expect(queue.body).toContain(`href="/tasks/${task?.taskId}"`);

    const page = await employment.browser.get(`/tasks/${task?.taskId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Labour-market opinion");
    expect(page.body).toContain("Amina Rahimova");
    expect(page.body).toContain("Türkiye");
    expect(page.body).toContain("Caspian LLC");
    // Not the rest of the case: no birth date, no passport number, no documents.
    expect(page.body).not.toContain("1990");
    expect(page.body).not.toContain("U12345678");
    expect(page.body).not.toContain("passport.pdf");
    const viewed = await queryRows<{ actor_id: string }>(
      app.database.db,
      sql`select actor_id from audit_records where action = 'case_task.viewed' and entity_id = ${task?.taskId}`,
    );
    expect(viewed).toEqual([{ actor_id: employment.userId }]);

    const noResult = await employment.browser.post(`/tasks/${task?.taskId}`, {
      comment: "Shortage occupation.",
    });
    expect(noResult.statusCode).toBe(422);
    expect(noResult.body).toContain("There is a problem");
    expect(noResult.body).toContain('href="#task-result"');
    expect(noResult.body).toContain("Choose a result from the list");
    expect(noResult.body).toContain("Shortage occupation.</textarea>");

    const done = await employment.browser.post(`/tasks/${task?.taskId}`, {
      result: "positive",
      comment: "Shortage occupation.",
    });
    expect(location(done)).toBe("/tasks?done=completed");
    const after = await employment.browser.get("/tasks?done=completed");
    expect(after.body).toContain("The result has been recorded");
    expect(after.body).not.toContain(state.number);
    const closed = await employment.browser.get(`/tasks/${task?.taskId}`);
    expect(closed.body).toContain("Result given");
    expect(closed.body).not.toContain('data-testid="task-form"');
    const again = await employment.browser.post(`/tasks/${task?.taskId}`, { result: "negative" });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("This task has already been completed");

    expect((await loadCaseState(app.database.db, state.id))?.tasks[0]).toMatchObject({
      status: "done",
      result: "positive",
      completedBy: employment.userId,
    });
  });

  it("keeps tasks and cases to those who may see them", async () => {
    const state = await inReview();
    const taskId = state.tasks[0]?.taskId as string;
    // The case officer holds no labour-market permission: refused, and the refusal audited.
    expect((await officer.browser.get("/tasks")).statusCode).toBe(403);
    expect((await officer.browser.get(`/tasks/${taskId}`)).statusCode).toBe(403);
    expect((await officer.browser.post(`/tasks/${taskId}`, { result: "positive" })).statusCode).toBe(403);
    // The employment officer sees the task, not the migration service's case file.
    expect((await employment.browser.get(`/cases/${state.id}`)).statusCode).toBe(404);
    expect((await employment.browser.get("/tasks/not-a-task")).statusCode).toBe(404);
    expect((await employment.browser.post("/tasks/not-a-task", { result: "positive" })).statusCode).toBe(404);
    expect((await employment.browser.post(`/tasks/${randomUUID()}`, { result: "positive" })).statusCode).toBe(
      404,
    );
    const refusals = await queryRows<{ count: number }>(
      app.database.db,
      sql`select count(*)::int as count from audit_records where action = 'access.denied' and actor_id = ${officer.userId}`,
    );
    expect(refusals[0]?.count).toBe(3);
  });
});

describe("the public document check", () => {
  async function issued(): Promise<CaseState> {
    let state = await inReview();
    await completeTask(
      contextOf(app.karvan.cases, staffPrincipal(employment.userId, labour, ["labour.opinion"])),
      state.id,
      state.tasks[0]?.taskId as string,
      "positive",
      "",
    );
    state = await transitionCase(processing(), state.id, undefined, "draft-decision", {
      outcome: "approved",
      reasons: "The conditions of article 1 are met.",
    });
    const approver = staffPrincipal(randomUUID(), sms, ["cases.read", "cases.approve"]);
    state = await transitionCase(contextOf(app.karvan.cases, approver), state.id, undefined, "approve");
    return transitionCase(processing(), state.id, undefined, "issue");
  }

  it("confirms a valid permit with no more than the document shows, then reports it expired", async () => {
    const state = await issued();
    const code = state.decision?.verificationCode as string;
    const visitor = app.client();
    visitor.setCookie("karvan_lang", "en");
    const form = await visitor.get("/verify");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Check a permit or registration");

    // Typed with spaces and in lower case, as people do.
    const typed = await visitor.get(
      `/verify?code=${encodeURIComponent(` ${code.toLowerCase().slice(0, 5)} ${code.toLowerCase().slice(5)} `)}`,
    );
    expect(location(typed)).toBe(`/verify/${encodeURIComponent(code)}`);
    const valid = await visitor.get(location(typed));
    expect(valid.statusCode).toBe(200);
    expect(valid.body).toContain('data-status="valid"');
    expect(valid.body).toContain("The document is valid");
    expect(valid.body).toContain("Sample work permit");
    expect(valid.body).toContain(state.decision?.documentNumber as string);
    expect(valid.body).toContain("Amina Rahimova");
    expect(valid.body).toContain("Türkiye");
    expect(valid.body).toContain("2 February 2026");
    expect(valid.body).toContain("1 February 2027");
    for (const secret of ["1990", "U12345678", "Caspian LLC", state.number, "article 1"]) {
      expect(valid.body).not.toContain(secret);
    }

    clock.set("2027-02-02T06:00:00Z");
    const expired = await visitor.get(`/verify/${code}`);
    expect(expired.body).toContain('data-status="expired"');
    expect(expired.body).toContain("The document has expired");
    clock.set("2026-02-02T06:10:00Z");

    const unknown = await visitor.get("/verify/AAAAAAAAAAA");
    expect(unknown.body).toContain('data-status="not-found"');
    expect(unknown.body).toContain("No document has this code");
    expect((await visitor.get("/verify/%3Cscript%3E")).body).toContain('data-status="not-found"');
    const empty = await visitor.get("/verify?code=%20");
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Enter the verification code");

    const lookups = await queryRows<{
      outcome: string;
      entity_id: string | null;
      actor_type: string;
      details: { result: string };
    }>(
      app.database.db,
      sql`select outcome, entity_id, actor_type, details from audit_records where action = 'document.verified' order by id`,
    );
    expect(lookups.map((row) => row.details.result)).toEqual(["valid", "expired", "not-found", "not-found"]);
    expect(lookups[0]).toMatchObject({ outcome: "success", entity_id: state.id, actor_type: "anonymous" });
    expect(lookups[2]).toMatchObject({ outcome: "failure", entity_id: null });
  });

  it("checks the electronic seal of an uploaded PDF: demo seal, changed, unsealed, not a PDF", async () => {
    const visitor = app.client();
    visitor.setCookie("karvan_lang", "en");
    const form = await visitor.get("/verify");
    expect(form.body).toContain('data-testid="seal-form"');
    const unsealed = await renderPdf({ content: [{ text: "Permit" }] });
    const sealed = await app.karvan.cases.seal.seal(unsealed, {
      contactInfo: "https://karvan.example.az/verify",
    });
    const check = (content: Buffer, fileName = "permit.pdf") =>
      visitor.postMultipart("/verify/seal", [{ name: "document", fileName, content }]);

    const demo = await check(sealed);
    expect(demo.statusCode).toBe(200);
    expect(demo.body).toContain('data-status="demo"');
    expect(demo.body).toContain("This is a demo seal");
    expect(demo.body).toContain("Karvan DEMO seal");
    const tampered = Buffer.from(
      sealed.toString("latin1").replace("/MediaBox [0 0", "/MediaBox [0 1"),
      "latin1",
    );
    expect((await check(tampered)).body).toContain('data-status="changed"');
    expect((await check(unsealed)).body).toContain('data-status="unsealed"');

    const png = await check(sampleDocuments.png, "photo.png");
    expect(png.statusCode).toBe(422);
    expect(png.body).toContain("The selected file must be a PDF");
    const none = await visitor.postMultipart("/verify/seal", []);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain("Select a PDF file");
  });

  it("limits how often one address may ask", async () => {
    const visitor = app.client();
    let status = 200;
    for (let attempt = 0; attempt < 40 && status !== 429; attempt++) {
      status = (await visitor.get("/verify/BBBBBBBBBBB")).statusCode;
    }
    expect(status).toBe(429);
  });
});
