import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { createLocalDocuments } from "../../../platform/files/index.js";
import type { Principal } from "../../access/index.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { addNote } from "../operations/add-note.js";
import { attachDocument } from "../operations/attach-document.js";
import { startApplication } from "../operations/start-application.js";
import { transitionCase } from "../operations/transition-case.js";
import {
  contextOf,
  hiddenValue,
  location,
  newApplicant,
  signInNewStaff,
  staffPrincipal,
  submittedCase,
  workspaceSample,
} from "./workspace-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday, 10:00 in Baku
let app: TestApp;
let applicant: Principal;
let officer: { browser: TestClient; userId: string };
let approver: { browser: TestClient; userId: string };
let dualRole: { browser: TestClient; userId: string };
let ganjaOfficer: { browser: TestClient; userId: string };
let trainer: { browser: TestClient; userId: string };
let employment: { browser: TestClient; userId: string };

async function audit(entityId: string) {
  return queryRows<{
    action: string;
    outcome: string;
    actor_id: string | null;
    details: Record<string, unknown>;
  }>(
    app.database.db,
    sql`select action, outcome, actor_id, details from audit_records where entity_id = ${entityId} order by id`,
  );
}

async function staff(email: string, fullName: string, agency: string, roles: string[]) {
  return signInNewStaff(app.database.db, clock, app.client(), { email, fullName, agency, roles });
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [workspaceSample] });
  applicant = await newApplicant(app.database.db, clock, "amina@example.org", "Amina Rahimova");
  officer = await staff("leyla@sms.gov.az", "Leyla Mammadova", "SMS", ["case_officer"]);
  approver = await staff("elchin@sms.gov.az", "Elchin Huseynov", "SMS", ["approver"]);
  dualRole = await staff("rashad@sms.gov.az", "Rashad Karimov", "SMS", ["case_officer", "approver"]);
  ganjaOfficer = await staff("gunay@ganja.sms.gov.az", "Gunay Aliyeva", "SMS-GANJA", ["case_officer"]);
  trainer = await staff("gunel@sms.gov.az", "Gunel Hasanova", "SMS", ["trainer"]);
  employment = await staff("nigar@dost.gov.az", "Nigar Guliyeva", "MLSPP-DOST", ["employment_officer"]);
});
afterAll(async () => {
  await app.close();
});

/** Sends a case file form as the page showed it (with the version of the case it showed). */
async function act(
  client: TestClient,
  caseId: string,
  action: string,
  fields: Record<string, string | string[]> = {},
) {
  const page = await client.get(`/cases/${caseId}`);
  return client.post(`/cases/${caseId}/actions/${action}`, {
    expectedSeq: hiddenValue(page.body, "expectedSeq"),
    ...fields,
  });
}

describe("the case file", () => {
  it("takes a case from the queue to an issued permit: claim, documents, the employment service, four eyes, issue", async () => {
    const submitted = await submittedCase(app.karvan.cases, app.config, applicant);
    const caseId = submitted.id;

    const queue = await officer.browser.get("/cases");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(submitted.number);

    const overview = await officer.browser.get(`/cases/${caseId}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain("Sample work permit");
    expect(overview.body).toContain("Amina Rahimova");
    expect(overview.body).toContain("Türkiye");
    expect(overview.body).toContain("17 May 1990");
    expect(overview.body).toContain("Caspian LLC");
    expect(overview.body).toContain("0 of 20 working days used");
    const viewed = (await audit(caseId)).filter((row) => row.action === "case.viewed");
    expect(viewed.at(-1)).toMatchObject({
      outcome: "success",
      actor_id: officer.userId,
      details: { page: "overview" },
    });

    const claimed = await officer.browser.post(`/cases/${caseId}/claim`, {
      expectedSeq: hiddenValue(overview.body, "expectedSeq"),
    });
    expect(location(claimed)).toBe(`/cases/${caseId}?done=claimed`);
    const afterClaim = await officer.browser.get(location(claimed));
    expect(afterClaim.body).toContain("You have taken this case.");
    expect(afterClaim.body).toMatch(/data-testid="case-assigned">Leyla Mammadova</);

    expect(location(await act(officer.browser, caseId, "start-review"))).toBe(
      `/cases/${caseId}?done=start-review`,
    );

    // Asking for documents: nothing chosen is refused at the field, with the message kept.
    const noCodes = await act(officer.browser, caseId, "request-documents", {
      message: "The copy is unreadable.",
    });
    expect(noCodes.statusCode).toBe(422);
    expect(noCodes.body).toContain("There is a problem");
    expect(noCodes.body).toContain('href="#action-request-documents-documentCodes"');
    expect(noCodes.body).toContain("Choose the documents to ask for");
    expect(noCodes.body).toContain("The copy is unreadable.</textarea>");
    // Staff sessions time out after 15 idle minutes: the test's clock moves by minutes only.
    clock.advance(5 * 60_000);
    const requested = await act(officer.browser, caseId, "request-documents", {
      documentCodes: ["passport"],
      message: "The copy is unreadable.",
    });
    expect(requested.statusCode).toBe(303);
    const mail = app.mailer.lastTo("amina@example.org");
    expect(mail?.subject).toBe(`Для вашего заявления ${submitted.number} нужны документы`);
    expect(mail?.text).toContain("- Passport (ru)");
    expect(mail?.text).toContain(`/applications/${caseId}?lang=ru`);
    expect(mail?.text).not.toContain("unreadable");
    const paused = await officer.browser.get(`/cases/${caseId}`);
    expect(paused.body).toContain("The clock is stopped since 2 February 2026");

    // The applicant answers (through the engine: the portal is another feature's pages).
    clock.advance(5 * 60_000);
    const stored = await createLocalDocuments(app.config, clock).storeDocument(
      Buffer.from("%PDF-1.7\n% a readable passport\n%%EOF\n", "latin1"),
      { declaredName: "passport-2.pdf" },
    );
    const asApplicant = contextOf(app.karvan.cases, applicant);
    await attachDocument(asApplicant, caseId, "passport", {
      documentId: stored.id,
      mediaType: stored.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      fileName: "passport-2.pdf",
    });
    await transitionCase(asApplicant, caseId, undefined, "provide-documents", { message: "A new copy" });

    // A decision needs the employment service's opinion first.
    const tooEarly = await act(officer.browser, caseId, "draft-decision", {
      outcome: "approved",
      reasons: "Article 1 is met.",
    });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.body).toContain("All mandatory tasks must be completed first");
    expect(tooEarly.body).toContain("Article 1 is met.</textarea>");

    const tasks = await employment.browser.get("/tasks");
    const taskId = /href="\/tasks\/([0-9a-f-]{36})"/.exec(tasks.body)?.[1] as string;
    const taskPage = await employment.browser.get(`/tasks/${taskId}`);
    expect(taskPage.body).toContain("Amina Rahimova");
    const done = await employment.browser.post(`/tasks/${taskId}`, {
      result: "positive",
      comment: "No local candidates.",
    });
    expect(location(done)).toBe("/tasks?done=completed");

    // Four eyes: the one who drafted cannot approve, and is told so before and after trying.
    const drafted = await act(dualRole.browser, caseId, "draft-decision", {
      outcome: "approved",
      reasons: "Article 1 is met.\nThe employment service found no local candidate.",
    });
    expect(drafted.statusCode).toBe(303);
    const ownDraft = await dualRole.browser.get(`/cases/${caseId}`);
    expect(ownDraft.body).toContain("You drafted this decision. Another approver must approve it.");
    const selfApproval = await act(dualRole.browser, caseId, "approve", { confirmed: "yes" });
    expect(selfApproval.statusCode).toBe(422);
    expect(selfApproval.body).toContain("There is a problem");
    expect(selfApproval.body).toContain(
      "The decision must be approved by someone other than the officer who drafted it",
    );
    expect(selfApproval.body).toContain('href="#action-approve"');
    expect((await loadCaseState(app.database.db, caseId))?.state).toBe("decision-drafted");

    // An officer without the approval permission is not even offered the button.
    const officerView = await officer.browser.get(`/cases/${caseId}`);
    expect(officerView.body).not.toContain(`action="/cases/${caseId}/actions/approve"`);
    const current = await loadCaseState(app.database.db, caseId);
    const forged = await officer.browser.post(`/cases/${caseId}/actions/approve`, {
      expectedSeq: String(current?.lastSeq),
    });
    expect(forged.statusCode).toBe(403);

    // The approver finds it on their home page; the one who drafted it and an officer do not.
    const number = (await loadCaseState(app.database.db, caseId))?.number as string;
    const approverHome = await approver.browser.get("/staff");
    expect(approverHome.body).toContain('data-testid="awaiting-approval"');
    expect(approverHome.body).toContain(`href="/cases/${caseId}">${number}</a>`);
    expect(approverHome.body).toContain("Rashad Karimov");
    const drafterHome = await dualRole.browser.get("/staff");
    expect(drafterHome.body).toContain('data-testid="awaiting-approval"');
    expect(drafterHome.body).not.toContain(number);
    expect((await officer.browser.get("/staff")).body).not.toContain('data-testid="awaiting-approval"');

    // Approving is checked and confirmed on a page of its own; nothing changes before that.
    const check = await act(approver.browser, caseId, "approve");
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain("Check the decision before you approve it");
    expect(check.body).toContain('data-testid="approval-outcome">Granted<');
    expect(check.body).toContain("The employment service found no local candidate.");
    expect(check.body).toContain('name="confirmed" value="yes"');
    expect((await loadCaseState(app.database.db, caseId))?.state).toBe("decision-drafted");
    const confirmed = await approver.browser.post(`/cases/${caseId}/actions/approve`, {
      expectedSeq: hiddenValue(check.body, "expectedSeq"),
      confirmed: hiddenValue(check.body, "confirmed"),
    });
    expect(location(confirmed)).toBe(`/cases/${caseId}?done=approve`);
    expect((await approver.browser.get("/staff")).body).not.toContain(number);
    const issued = await act(officer.browser, caseId, "issue");
    expect(location(issued)).toBe(`/cases/${caseId}?done=issue`);
    const decided = await officer.browser.get(location(issued));
    expect(decided.body).toContain("Done: Issue.");
    expect(decided.body).toMatch(/data-testid="document-number">WSPP-2026-\d{6}</);
    expect(decided.body).toContain("2 February 2026 – 1 February 2027");
    expect(decided.body).toContain("What you can do now");
    expect(decided.body).toContain("There is nothing you can do on this case in its current status.");

    const history = await officer.browser.get(`/cases/${caseId}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain("Decision drafted: Granted");
    expect(history.body).toContain("by Rashad Karimov");
    expect(history.body).toContain("Decision approved");
    expect(history.body).toContain("by Elchin Huseynov");
    expect(history.body).toContain("Task completed: Labour-market opinion");
    expect(history.body).toContain("by Nigar Guliyeva");
    expect(history.body).toContain("Assigned to Leyla Mammadova");
    expect(history.body).toContain("The copy is unreadable.");
    // Times in Baku: the documents were asked for at 10:05 local time (06:05 UTC).
    expect(history.body).toContain("2 Feb 2026, 10:05");

    const tasksPage = await officer.browser.get(`/cases/${caseId}/tasks`);
    expect(tasksPage.body).toContain("Labour-market opinion");
    expect(tasksPage.body).toContain("Positive");
    expect(tasksPage.body).toContain("No local candidates.");
  });

  it("tells the officer someone else changed the case, and keeps what they typed", async () => {
    const state = await submittedCase(app.karvan.cases, app.config, applicant);
    await act(officer.browser, state.id, "start-review");
    const seen = await officer.browser.get(`/cases/${state.id}`);
    // Meanwhile a colleague writes a note: the case moves on.
    const colleague = staffPrincipal(approver.userId, state.agencyId, ["cases.read"]);
    await addNote(contextOf(app.karvan.cases, colleague), state.id, "Called the employer.");
    const stale = await officer.browser.post(`/cases/${state.id}/actions/request-documents`, {
      expectedSeq: hiddenValue(seen.body, "expectedSeq"),
      documentCodes: ["employment-contract"],
      message: "Please send the signed contract.",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('data-testid="case-changed"');
    expect(stale.body).toContain("Someone else changed this case while you had it open.");
    expect(stale.body).toContain(`href="/cases/${state.id}"`);
    expect(stale.body).toContain("Please send the signed contract.</textarea>");
    expect(stale.body).toMatch(/value="employment-contract" checked/);
    expect((await loadCaseState(app.database.db, state.id))?.state).toBe("in-review");

    // Sent again from the fresh page, it goes through.
    const again = await officer.browser.post(`/cases/${state.id}/actions/request-documents`, {
      expectedSeq: hiddenValue(stale.body, "expectedSeq"),
      documentCodes: ["employment-contract"],
      message: "Please send the signed contract.",
    });
    expect(again.statusCode).toBe(303);

    // A form the case no longer offers: the text is shown, not lost.
    const stillOld = await officer.browser.post(`/cases/${state.id}/actions/draft-decision`, {
      expectedSeq: hiddenValue(seen.body, "expectedSeq"),
      outcome: "refused",
      reasons: "The contract is missing.",
    });
    expect(stillOld.statusCode).toBe(409);
    expect(stillOld.body).toContain('data-testid="kept-text">The contract is missing.<');
  });

  it("refuses other agencies (404), staff without the permission (403) and drafts, auditing refusals", async () => {
    const state = await submittedCase(app.karvan.cases, app.config, applicant);
    const foreign = await ganjaOfficer.browser.get(`/cases/${state.id}`);
    expect(foreign.statusCode).toBe(404);
    const claim = await ganjaOfficer.browser.post(`/cases/${state.id}/claim`, { expectedSeq: "1" });
    expect(claim.statusCode).toBe(404);
    expect((await ganjaOfficer.browser.get("/cases")).body).not.toContain(state.number);
    expect((await employment.browser.get(`/cases/${state.id}`)).statusCode).toBe(404);
    const denied = (await audit(state.id)).filter((row) => row.action === "access.denied");
    expect(denied.map((row) => row.details.reason)).toEqual(["other_agency", "other_agency", "other_agency"]);
    expect(
      (await audit(state.id)).some(
        (row) => row.action === "case.viewed" && row.actor_id === ganjaOfficer.userId,
      ),
    ).toBe(false);

    expect((await trainer.browser.get("/cases")).statusCode).toBe(403);
    expect((await trainer.browser.get(`/cases/${state.id}`)).statusCode).toBe(403);
    const trainerRefusals = await queryRows<{ count: number }>(
      app.database.db,
      sql`select count(*)::int as count from audit_records where actor_id = ${trainer.userId} and action = 'access.denied'`,
    );
    expect(trainerRefusals[0]?.count).toBe(2);

    const draft = await startApplication(contextOf(app.karvan.cases, applicant), "workspace-sample");
    expect((await officer.browser.get(`/cases/${draft.id}`)).statusCode).toBe(404);
    expect((await officer.browser.get("/cases/not-a-case")).statusCode).toBe(404);
    expect((await officer.browser.post("/cases/not-a-case/notes", { text: "x" })).statusCode).toBe(404);
    expect((await officer.browser.get(`/cases/${state.id}/nothing-here`)).statusCode).toBe(404);

    const anonymous = await app.client().get(`/cases/${state.id}`);
    expect(anonymous.statusCode).toBe(303);
    expect(location(anonymous)).toContain("/sign-in");
    // A malformed id is refused only after the guard, as an unknown case would be.
    expect(location(await app.client().get("/cases/not-a-case"))).toContain("/sign-in");
    expect((await trainer.browser.get("/cases/not-a-case/history")).statusCode).toBe(403);
  });

  it("downloads documents as attachments only, keeps notes and messages, and finds related cases", async () => {
    const state = await submittedCase(app.karvan.cases, app.config, applicant);
    const documents = await officer.browser.get(`/cases/${state.id}/documents`);
    expect(documents.statusCode).toBe(200);
    expect(documents.body).toContain("Download müqavilə.pdf");
    // The type found in the content, in words, whatever the name says.
    expect([...documents.body.matchAll(/data-testid="document-type">([^<]+)</g)].map((m) => m[1])).toEqual([
      "PDF document",
      "PDF document",
    ]);
    const href = /href="(\/cases\/[^"]+\/documents\/[^"]+)" download>Download passport.pdf/.exec(
      documents.body,
    )?.[1];
    expect(href).toBeDefined();
    const download = await officer.browser.get(href as string);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="passport.pdf"/);
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.body).toContain("passport of Amina Rahimova");
    expect((await audit(state.id)).map((row) => row.action)).toContain("case.document_downloaded");
    expect((await ganjaOfficer.browser.get(href as string)).statusCode).toBe(404);

    // Viewing in the browser: inline, but sandboxed and never sniffed; as checked and audited.
    expect(documents.body).toContain(`href="${href}/view">View passport.pdf</a>`);
    const viewed = await officer.browser.get(`${href}/view`);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.headers["content-type"]).toBe("application/pdf");
    expect(viewed.headers["content-disposition"]).toMatch(/^inline; filename="passport.pdf"/);
    expect(viewed.headers["x-content-type-options"]).toBe("nosniff");
    expect(viewed.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect((await audit(state.id)).map((row) => row.action)).toContain("case.document_viewed");
    expect((await ganjaOfficer.browser.get(`${href}/view`)).statusCode).toBe(404);
    expect((await trainer.browser.get(`${href}/view`)).statusCode).toBe(403);
    expect(
      (await officer.browser.get(`/cases/${state.id}/documents/202601-${"0".repeat(32)}`)).statusCode,
    ).toBe(404);

    const notes = await officer.browser.get(`/cases/${state.id}/notes`);
    const empty = await officer.browser.post(`/cases/${state.id}/notes`, { text: "   " });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#note-text"');
    expect(empty.body).toContain("Enter between 1 and 4000 characters");
    expect(notes.body).toContain("Add an internal note");
    const invisibleNote = "\u200B\u200B\u3164";
    const hidden = await officer.browser.post(`/cases/${state.id}/notes`, { text: invisibleNote });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.body).toContain('href="#note-text"');
    expect(hidden.body).toContain("Enter the note");
    const disguised = await officer.browser.post(`/cases/${state.id}/messages`, {
      text: "Pay to \u202Emoc.live",
    });
    expect(disguised.statusCode).toBe(422);
    expect(disguised.body).toContain('href="#message-text"');
    expect(disguised.body).toContain("Message must not contain hidden or control characters");
    expect(disguised.body).toContain("Pay to \u202Emoc.live");
    const noted = await officer.browser.post(`/cases/${state.id}/notes`, {
      text: "Phoned the employer:\nthe contract is signed.",
    });
    expect(location(noted)).toBe(`/cases/${state.id}/notes?done=noted`);
    const sent = await officer.browser.post(`/cases/${state.id}/messages`, {
      text: "We received your application.",
    });
    expect(location(sent)).toBe(`/cases/${state.id}/notes?done=messaged`);
    expect(app.mailer.lastTo("amina@example.org")?.subject).toBe(
      `Новое сообщение по вашему заявлению ${state.number}`,
    );
    const notesAfter = await officer.browser.get(`/cases/${state.id}/notes`);
    expect(notesAfter.body).toContain("Internal note");
    expect(notesAfter.body).toContain('<p class="govuk-body">the contract is signed.</p>');
    expect(notesAfter.body).toContain("Message to the applicant");
    expect(notesAfter.body).toContain("We received your application.");
    expect(notesAfter.body).not.toContain(invisibleNote);
    expect(notesAfter.body).not.toContain("\u202E");

    const sameApplicant = await submittedCase(app.karvan.cases, app.config, applicant, {
      passportNumber: "C99999999",
    });
    const samePassport = await submittedCase(
      app.karvan.cases,
      app.config,
      await newApplicant(app.database.db, clock, "agent@example.org", "Another Account"),
      { passportNumber: "U12345678" },
    );
    const stranger = await submittedCase(
      app.karvan.cases,
      app.config,
      await newApplicant(app.database.db, clock, "stranger@example.org", "Stranger"),
      { passportNumber: "Z00000001" },
    );
    const related = await officer.browser.get(`/cases/${state.id}/related`);
    expect(related.statusCode).toBe(200);
    expect(related.body).toContain(sameApplicant.number);
    expect(related.body).toContain(samePassport.number);
    expect(related.body).toContain("Same document number");
    expect(related.body).toContain("Same applicant account");
    expect(related.body).not.toContain(stranger.number);
    expect(related.body).not.toContain(`>${state.number}</a>`);
  });
});
