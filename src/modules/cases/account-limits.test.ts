import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import type { TestClient } from "../../../test/support/test-client.js";
import { ManualClock } from "../../platform/clock/index.js";
import { sampleDocuments } from "../../platform/files/test-documents.js";
import { findAgencyByCode, type Principal } from "../access/index.js";
import { accountRateLimits } from "./account-rate-limits.js";
import type { CasesContext } from "./cases-context.js";
import { defineCaseType } from "./definition/case-type.js";
import type { CaseState } from "./engine/case-state.js";
import { sendMessage } from "./operations/add-note.js";
import { attachDocument } from "./operations/attach-document.js";
import { startApplication } from "./operations/start-application.js";
import { transitionCase } from "./operations/transition-case.js";
import { signInNewApplicant, staffContext } from "./portal/portal-test-bed.js";
import { contextOf, signInNewStaff, submittedCase, workspaceSample } from "./workspace/workspace-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday, 10:00 in Baku
/** The workspace sample without the labour-market task, so that an officer can decide at once. */
const decidable = defineCaseType({
  ...workspaceSample,
  code: "limits-sample",
  numberPrefix: "LIM",
  tasks: [],
});
let app: TestApp;
let officer: CasesContext;
let approver: CasesContext;

/** A signed-in applicant: the browser, and the principal the engine's operations take. */
async function applicant(email: string): Promise<{ browser: TestClient; principal: Principal }> {
  const { browser, userId } = await signInNewApplicant(app.database.db, clock, app.client(), email);
  const principal: Principal = {
    userId,
    email,
    fullName: `Applicant ${email.split("@")[0]}`,
    kind: "public",
    agencyId: null,
    roles: ["applicant"],
    permissions: new Set(["portal.apply"]),
    locale: "en",
  };
  return { browser, principal };
}

async function decide(state: CaseState): Promise<void> {
  await transitionCase(officer, state.id, undefined, "start-review");
  await transitionCase(officer, state.id, undefined, "draft-decision", {
    outcome: "refused",
    reasons: "The conditions are not met.",
  });
  await transitionCase(approver, state.id, undefined, "approve");
  await transitionCase(officer, state.id, undefined, "issue");
}

/** How many entries of a timeline (applicant's `<li>` or the officers' MOJ items) the page shows. */
function entriesOn(body: string, marker: RegExp): number {
  return body.match(marker)?.length ?? 0;
}

beforeAll(async () => {
  app = await createTestApp({
    clock,
    caseTypes: [workspaceSample, decidable],
    env: { KARVAN_UPLOAD_MAX_FILES_PER_CASE: "3", KARVAN_UPLOAD_MAX_MB_PER_CASE: "5" },
  });
  const sms = (await findAgencyByCode(app.database.db, "SMS"))?.id as string;
  officer = staffContext(app.karvan.cases, ["cases.read", "cases.process"], sms, 901);
  approver = staffContext(app.karvan.cases, ["cases.read", "cases.approve"], sms, 902);
});
afterAll(async () => {
  await app.close();
});

describe("limits on uploads", () => {
  it("says on the form, in the page's language, that the application is full and keeps the chosen type; the API answers 409 with the code", async () => {
    const { browser, principal } = await applicant("full@example.org");
    const as = contextOf(app.karvan.cases, principal);
    const draft = await startApplication(as, "workspace-sample");
    for (let index = 0; index < 3; index++) {
      await attachDocument(as, draft.id, "passport", {
        documentId: `202602-${randomBytes(16).toString("hex")}`,
        mediaType: "application/pdf",
        size: 1000,
        sha256: "0".repeat(64),
        fileName: "scan.pdf",
      });
    }
    await browser.get(`/applications/${draft.id}/documents`);
    const file = { name: "file", fileName: "contract.pdf", content: sampleDocuments.pdf };
    const refused = await browser.postMultipart(`/applications/${draft.id}/documents`, [
      { name: "from", value: "documents" },
      { name: "code", value: "passport" },
      file,
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#file"');
    expect(refused.body).toContain("An application can hold at most 3 files and 5 MB in all");
    expect(refused.body).toMatch(/<option value="passport" selected/);

    browser.setCookie("karvan_lang", "ru");
    await browser.get(`/applications/${draft.id}/documents`);
    const inRussian = await browser.postMultipart(`/applications/${draft.id}/documents`, [
      { name: "from", value: "documents" },
      { name: "code", value: "passport" },
      file,
    ]);
    expect(inRussian.body).toContain(
      "К одному заявлению можно приложить не более 3 файлов общим объёмом 5 МБ",
    );

    const api = await browser.postMultipart(`/api/v1/applications/${draft.id}/documents`, [
      { name: "code", value: "passport" },
      file,
    ]);
    expect(api.statusCode).toBe(409);
    expect(api.json().error).toMatchObject({
      code: "case_upload_limit",
      details: { maxFiles: 3, maxBytes: 5 * 1024 * 1024, files: 3, bytes: 3000 },
    });
  });

  it("limits the uploads of one account per time, whatever its address, with 429, a code and Retry-After", async () => {
    const { browser, principal } = await applicant("busy@example.org");
    const draft = await startApplication(contextOf(app.karvan.cases, principal), "workspace-sample");
    await browser.get(`/applications/${draft.id}/documents`);
    // Requests without a file count too: it is the attempts that are limited.
    const send = () =>
      browser.postMultipart(`/api/v1/applications/${draft.id}/documents`, [
        { name: "code", value: "passport" },
      ]);
    for (let index = 0; index < accountRateLimits.uploads.max; index++) {
      expect((await send()).json().error.code).toBe("file_required");
    }
    const limited = await send();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("too_many_uploads");
    expect(limited.headers["retry-after"]).toBe("600");
    const page = await browser.postMultipart(`/applications/${draft.id}/documents`, [
      { name: "code", value: "passport" },
    ]);
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain("You have uploaded many files in a short time. Try again in 10 min.");
  });
});

describe("messages", () => {
  it("are refused on a decided case, for the applicant (page and API) and for the officer", async () => {
    const { browser, principal } = await applicant("decided@example.org");
    const state = await submittedCase(app.karvan.cases, app.config, principal, {}, "limits-sample");
    await decide(state);
    const page = await browser.get(`/applications/${state.id}`);
    expect(page.body).not.toContain('name="message"');
    const posted = await browser.post(`/applications/${state.id}/messages`, { message: "Can I appeal?" });
    expect(posted.statusCode).toBe(422);
    expect(posted.body).toContain("Messages cannot be sent on this application");
    expect(posted.body).toContain("Can I appeal?");
    const api = await browser.json(
      "POST",
      `/api/v1/applications/${state.id}/messages`,
      { message: "Hello" },
      {
        cookie: `karvan_session=${browser.cookie("karvan_session")}; karvan_csrf=${browser.cookie("karvan_csrf")}`,
        "x-csrf-token": browser.csrfToken ?? "",
      },
    );
    expect(api.statusCode).toBe(409);
    expect(api.json().error.code).toBe("messages_closed");
    await expect(sendMessage(officer, state.id, "One more thing")).rejects.toMatchObject({
      code: "messages_closed",
      status: 409,
    });
    await expect(
      sendMessage(contextOf(app.karvan.cases, principal), state.id, "Through the engine"),
    ).rejects.toMatchObject({ code: "messages_closed" });
  });

  it("are limited per account with the text kept, and long threads come in pages of 20, newest first, on both sides", async () => {
    const first = await applicant("writer@example.org");
    const state = await submittedCase(app.karvan.cases, app.config, first.principal);
    await first.browser.get(`/applications/${state.id}`);
    for (let index = 1; index <= accountRateLimits.applicantMessages.max; index++) {
      const sent = await first.browser.post(`/applications/${state.id}/messages`, {
        message: `Question ${index}`,
      });
      expect(sent.statusCode).toBe(303);
    }
    const limited = await first.browser.post(`/applications/${state.id}/messages`, {
      message: "Question 11",
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe("600");
    expect(limited.body).toContain("You have sent many messages in a short time. Try again in 10 min.");
    expect(limited.body).toContain("Question 11</textarea>");
    // Another account behind the same address still has its own share.
    const second = await applicant("neighbour@example.org");
    const theirs = await submittedCase(app.karvan.cases, app.config, second.principal);
    await second.browser.get(`/applications/${theirs.id}`);
    expect(
      (await second.browser.post(`/applications/${theirs.id}/messages`, { message: "Hi" })).statusCode,
    ).toBe(303);

    // The officer answers 15 times: 26 entries with the submission, newest first.
    for (let index = 1; index <= 15; index++) await sendMessage(officer, state.id, `Answer ${index}`);
    const one = await first.browser.get(`/applications/${state.id}`);
    const two = await first.browser.get(`/applications/${state.id}?page=2`);
    const applicantEntry = /<li class="govuk-!-margin-bottom-6">/g;
    expect(entriesOn(one.body, applicantEntry)).toBe(20);
    expect(one.body).toContain("Page 1 of 2, newest first");
    expect(one.body).toContain(`href="/applications/${state.id}?page=2#history"`);
    expect(one.body).toContain("Answer 15");
    expect(one.body).not.toContain("Question 1<");
    expect(entriesOn(two.body, applicantEntry)).toBe(6);
    expect(two.body).toContain("Question 1<");
    expect(two.body).toContain("Application submitted");

    const staff = await signInNewStaff(app.database.db, clock, app.client(), {
      email: "leyla@sms.gov.az",
      fullName: "Leyla Mammadova",
      agency: "SMS",
      roles: ["case_officer"],
    });
    const notes = await staff.browser.get(`/cases/${state.id}/notes`);
    const notesTwo = await staff.browser.get(`/cases/${state.id}/notes?page=2`);
    const officerEntry = /class="moj-timeline__item" data-event="message_sent"/g;
    expect(entriesOn(notes.body, officerEntry)).toBe(20);
    expect(notes.body).toContain(`href="/cases/${state.id}/notes?page=2#notes"`);
    expect(entriesOn(notesTwo.body, officerEntry)).toBe(5);
    expect(notesTwo.body).toContain("Question 1<");
  });
});
