import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { sampleDocuments } from "../../../platform/files/test-documents.js";
import { findAgencyByCode } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { addNote, sendMessage } from "../operations/add-note.js";
import { attachDocument } from "../operations/attach-document.js";
import { recordFeePayment } from "../operations/pay-fee.js";
import { saveAnswers } from "../operations/save-answers.js";
import { startApplication } from "../operations/start-application.js";
import { submitApplication } from "../operations/submit-application.js";
import { transitionCase } from "../operations/transition-case.js";
import {
  hiddenValue,
  location,
  portalSample,
  signInAgain,
  signInNewApplicant,
  staffContext,
} from "./portal-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday, 10:00 in Baku
let app: TestApp;
let sms: string;

/** A Windows program renamed to look like a PDF: refused by its content, whatever its name. */
const exeAsPdf = Buffer.concat([
  Buffer.from("MZ", "latin1"),
  Buffer.alloc(64, 0x90),
  Buffer.from("This program cannot be run in DOS mode"),
]);

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.karvan.database.db, query);
  return row?.n ?? 0;
}

function caseIdFrom(response: LightMyRequestResponse): string {
  const id = /\/applications\/([0-9a-f-]{36})\//.exec(location(response))?.[1];
  if (!id) throw new Error(`no application in ${location(response)}`);
  return id;
}

async function newApplicant(email: string, roles?: string[]) {
  const { browser } = await signInNewApplicant(app.karvan.database.db, clock, app.client(), email, roles);
  return browser;
}

/** Fills the "about you" page correctly. */
async function answerAboutYou(client: TestClient, caseId: string) {
  const page = await client.get(`/applications/${caseId}/pages/about-you`);
  return client.post(`/applications/${caseId}/pages/about-you`, {
    expectedSeq: hiddenValue(page.body, "expectedSeq"),
    _shown: ["fullName", "birthDate", "citizenship", "email", "passportNumber"],
    fullName: "Amina Rahimova",
    "birthDate-day": "17",
    "birthDate-month": "5",
    "birthDate-year": "1990",
    citizenship: "TR",
    email: "amina@example.org",
    passportNumber: "u 1234 5678",
  });
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [portalSample] });
  sms = (await findAgencyByCode(app.karvan.database.db, "SMS"))?.id as string;
});
afterAll(async () => {
  await app.close();
});

describe("the applicant's e-services", () => {
  it("takes an application from the start page to a decision with a permit, and shows only what the applicant may see", async () => {
    const client = await newApplicant("amina@example.org");

    const dashboard = await client.get("/applications");
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("My applications");
    expect(dashboard.body).toContain('href="/apply/portal-sample"');
    expect(dashboard.body).toContain('href="/applications"'); // the navigation entry

    const start = await client.get("/apply/portal-sample");
    expect(start.body).toContain("Portal sample permit");
    const started = await client.post("/apply/portal-sample");
    expect(started.statusCode).toBe(303);
    const caseId = caseIdFrom(started);
    expect(location(started)).toBe(`/applications/${caseId}/pages/about-you`);

    // Errors: at the field and in the summary, what was typed kept.
    const form = await client.get(location(started));
    expect(form.body).toContain('name="birthDate-day"');
    expect(form.body).toContain('<option value="TR">Türkiye</option>');
    const wrong = await client.post(`/applications/${caseId}/pages/about-you`, {
      expectedSeq: hiddenValue(form.body, "expectedSeq"),
      fullName: "",
      "birthDate-day": "31",
      "birthDate-month": "2",
      "birthDate-year": "1990",
      citizenship: "XX",
      email: "not an address",
      passportNumber: "U12345678",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("There is a problem");
    expect(wrong.body).toContain('href="#fullName"');
    expect(wrong.body).toContain('href="#birthDate-day"');
    // Each message names its question, at the field and in the summary, with the hidden "Error:".
    expect(wrong.body).toContain("Enter full name");
    expect(wrong.body).toContain("Date of birth must be a real date");
    expect(wrong.body).toContain("Select citizenship from the list of countries");
    expect(wrong.body).toContain("Enter e-mail address in the correct format, like name@example.com");
    expect(wrong.body).toContain(
      '<span class="govuk-visually-hidden">Error:</span> Date of birth must be a real date',
    );
    expect(wrong.body).toMatch(/id="birthDate-day" name="birthDate-day" type="text" value="31"/);
    expect(wrong.body).toContain('value="not an address"');

    const aboutYou = await answerAboutYou(client, caseId);
    expect(location(aboutYou)).toBe(`/applications/${caseId}/pages/ground`);

    // A question that depends on an answer on the same page appears once the answer is given.
    const ground = await client.get(`/applications/${caseId}/pages/ground`);
    expect(ground.body).not.toContain('name="employer"');
    const revealed = await client.post(`/applications/${caseId}/pages/ground`, {
      expectedSeq: hiddenValue(ground.body, "expectedSeq"),
      _shown: "ground",
      ground: "work",
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.body).toContain('data-testid="revealed-notice"');
    expect(revealed.body).toContain('name="employer"');
    expect(revealed.body).not.toContain("govuk-error-message");
    const savedGround = await client.post(`/applications/${caseId}/pages/ground`, {
      expectedSeq: hiddenValue(revealed.body, "expectedSeq"),
      _shown: ["ground", "employer"],
      ground: "work",
      employer: "Caspian Construction LLC",
    });
    // The family page does not apply to work: the next page is the stay.
    expect(location(savedGround)).toBe(`/applications/${caseId}/pages/stay`);

    // The address's region is chosen from the region list (named, not coded); typed text is refused.
    const stay = await client.get(`/applications/${caseId}/pages/stay`);
    const regionSelect =
      /<select[^>]*name="address\.region"[^>]*>([\s\S]*?)<\/select>/.exec(stay.body)?.[1] ?? "";
    expect(regionSelect.match(/<option/g)).toHaveLength(79);
    expect(regionSelect).toContain('<option value="">Choose a region</option>');
    expect(regionSelect).toContain('<option value="AZ-GA">Ganja</option>');
    const stayAnswers = {
      _shown: ["address", "months", "purpose", "notes"],
      "address.street": "Nizami street 10",
      "address.city": "Baku",
      "address.postcode": "AZ1000",
      months: "12",
      purpose: "business",
      notes: "",
    };
    const typedRegion = await client.post(`/applications/${caseId}/pages/stay`, {
      ...stayAnswers,
      expectedSeq: hiddenValue(stay.body, "expectedSeq"),
      "address.region": "Baku city",
    });
    expect(typedRegion.statusCode).toBe(422);
    expect(typedRegion.body).toContain("Choose the region of address in Azerbaijan from the list");
    expect(typedRegion.body).toContain('href="#address-region"');
    expect(typedRegion.body).toMatch(/<select class="govuk-select govuk-select--error" id="address-region"/);
    const savedStay = await client.post(`/applications/${caseId}/pages/stay`, {
      ...stayAnswers,
      expectedSeq: hiddenValue(typedRegion.body, "expectedSeq"),
      "address.region": "az-ba",
    });
    expect(location(savedStay)).toBe(`/applications/${caseId}/documents`);
    const reshown = await client.get(`/applications/${caseId}/pages/stay`);
    expect(reshown.body).toContain('<option value="AZ-BA" selected>Baku</option>');

    // "Check your answers" comes before paying, and says which documents are still missing.
    const early = await client.get(`/applications/${caseId}/check`);
    expect(early.body).toContain('data-testid="continue-to-payment"');
    expect(early.body).toContain('data-testid="missing-documents"');
    expect(early.body).toContain("You can pay now, but you cannot submit the application until you upload");
    expect(early.body).toContain(`/applications/${caseId}/documents?code=employment-contract#code`);
    expect(early.body).not.toContain('name="idempotencyKey"');
    const feeWarned = await client.get(`/applications/${caseId}/fee`);
    expect(feeWarned.body).toContain('data-testid="missing-documents"');
    expect(feeWarned.body).toContain("Upload: Employment contract");
    const preselected = await client.get(`/applications/${caseId}/documents?code=employment-contract`);
    expect(preselected.body).toContain('<option value="employment-contract" selected>');

    // Documents: checked by content; a program named .pdf is refused.
    const documentsPage = await client.get(`/applications/${caseId}/documents`);
    expect(documentsPage.body).toContain("Passport");
    expect(documentsPage.body).toContain("Employment contract");
    const refused = await client.postMultipart(`/applications/${caseId}/documents`, [
      { name: "from", value: "documents" },
      { name: "code", value: "passport" },
      { name: "file", fileName: "passport.pdf", content: exeAsPdf },
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("The selected file must be a PDF, JPG or PNG");
    // A right-to-left override would show "passport\u202Egnp.pdf" as "passportfdp.png".
    await client.get(`/applications/${caseId}/documents`);
    const disguisedFile = await client.postMultipart(`/applications/${caseId}/documents`, [
      { name: "from", value: "documents" },
      { name: "code", value: "passport" },
      { name: "file", fileName: "passport\u202Egnp.pdf", content: sampleDocuments.pdf },
    ]);
    expect(disguisedFile.statusCode).toBe(422);
    expect(disguisedFile.body).toContain(
      "must not contain hidden characters or marks that change the direction",
    );
    for (const [code, fileName, content] of [
      ["passport", "passport.pdf", sampleDocuments.pdf],
      ["employment-contract", "contract scan.png", sampleDocuments.png],
    ] as const) {
      await client.get(`/applications/${caseId}/documents`);
      const uploaded = await client.postMultipart(`/applications/${caseId}/documents`, [
        { name: "from", value: "documents" },
        { name: "code", value: code },
        { name: "file", fileName, content },
      ]);
      expect(uploaded.statusCode).toBe(303);
      expect(location(uploaded)).toBe(`/applications/${caseId}/documents?done=uploaded`);
    }
    let state = await loadCaseState(app.karvan.database.db, caseId);
    expect(
      state?.documents.map((document) => [document.code, document.mediaType, document.fileName]),
    ).toEqual([
      ["passport", "application/pdf", "passport.pdf"],
      ["employment-contract", "image/png", "contract scan.png"],
    ]);
    const listed = await client.get(`/applications/${caseId}/documents`);
    expect(listed.body).toContain('data-testid="attached-documents"');
    expect(listed.body).toContain("PNG image");
    expect(listed.body).toContain("PDF document");
    const passport = state?.documents[0]?.documentId as string;
    const download = await client.get(`/applications/${caseId}/documents/${passport}`);
    expect(download.statusCode).toBe(200);
    expect(String(download.headers["content-disposition"])).toMatch(/^attachment; filename="passport.pdf"/);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(sampleDocuments.pdf)).toBe(true);

    // Somebody else's application does not exist for them, and the attempt is audited.
    const stranger = await newApplicant("stranger@example.org");
    for (const url of [
      `/applications/${caseId}`,
      `/applications/${caseId}/pages/about-you`,
      `/applications/${caseId}/documents/${passport}`,
    ]) {
      expect((await stranger.get(url)).statusCode).toBe(404);
    }
    expect((await stranger.get("/applications")).body).not.toContain(state?.number as string);
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'access.denied' and entity_id = ${caseId}`,
      ),
    ).toBe(3);

    // Fee: express processing, paid through the demo gateway; the return address can be reloaded.
    const feePage = await client.get(`/applications/${caseId}/fee`);
    expect(feePage.body).toContain('data-testid="demo-payment-warning"');
    expect(feePage.body).toContain('value="express-15"');
    const toGateway = await client.post(`/applications/${caseId}/fee`, { tier: "express-15" });
    expect(location(toGateway)).toMatch(/^\/demo\/pay\/demo_[0-9a-f]{32}$/);
    const gateway = await client.get(location(toGateway));
    expect(gateway.body).toContain("DEMO PAYMENT");
    expect(gateway.body).toMatch(/90[.,]00/);
    const paid = await client.post(location(toGateway), { outcome: "paid" });
    const returnUrl = location(paid);
    expect(returnUrl.startsWith(`/applications/${caseId}/fee/return?`)).toBe(true);
    // Paid: back to "check your answers", where the application is submitted.
    for (let attempt = 0; attempt < 2; attempt++) {
      const back = await client.get(returnUrl);
      expect(location(back)).toBe(`/applications/${caseId}/check?done=paid`);
    }
    expect(
      await count(
        sql`select count(*)::int as n from case_events where case_id = ${caseId} and type = 'case.fee_paid'`,
      ),
    ).toBe(1);
    const forged = await client.get(returnUrl.replace("status=paid", "status=failed"));
    expect(forged.statusCode).toBe(400);
    expect((await client.get(`/applications/${caseId}/fee?done=paid`)).body).toContain(
      'data-testid="fee-paid"',
    );

    // Check your answers, then submit twice with the same key: one submission, one e-mail.
    const check = await client.get(`/applications/${caseId}/check?done=paid`);
    expect(check.body).toContain('data-testid="check-notice"');
    expect(check.body).not.toContain('data-testid="continue-to-payment"');
    expect(check.body).not.toContain('data-testid="missing-documents"');
    expect(check.body).toContain("Amina Rahimova");
    expect(check.body).toContain("17 May 1990");
    expect(check.body).toContain("Nizami street 10<br>Baku<br>Baku<br>AZ1000");
    expect(check.body).toContain("Türkiye");
    expect(check.body).toContain(`/applications/${caseId}/pages/ground?return=check#ground`);
    const submission = {
      idempotencyKey: hiddenValue(check.body, "idempotencyKey"),
      expectedSeq: hiddenValue(check.body, "expectedSeq"),
    };
    const [first, second] = await Promise.all([
      client.post(`/applications/${caseId}/submit`, submission),
      client.post(`/applications/${caseId}/submit`, submission),
    ]);
    for (const response of [first, second]) {
      expect(response.statusCode).toBe(303);
      expect(location(response)).toBe(`/applications/${caseId}/receipt`);
    }
    const again = await client.post(`/applications/${caseId}/submit`, submission);
    expect(location(again)).toBe(`/applications/${caseId}/receipt`);
    expect(
      await count(
        sql`select count(*)::int as n from case_events where case_id = ${caseId} and type = 'case.submitted'`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from cases where applicant_user_id = (select id from users where email = 'amina@example.org')`,
      ),
    ).toBe(1);

    state = await loadCaseState(app.karvan.database.db, caseId);
    // 15 working days from Monday 2 February 2026 (express): Monday 23 February.
    expect(state?.deadlineDate).toBe("2026-02-23");
    const receipt = await client.get(`/applications/${caseId}/receipt`);
    expect(receipt.body).toContain(`data-testid="case-number">${state?.number}<`);
    expect(receipt.body).toContain("2 February 2026");
    expect(receipt.body).toContain("23 February 2026");
    const mails = app.mailer.messages.filter((message) => message.to === "amina@example.org");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Application ${state?.number} received`);
    expect(mails[0]?.text).toContain("23 February 2026");
    expect(mails[0]?.text).toContain(`/applications/${caseId}?lang=en`);

    // The officer asks for a new passport copy; internal notes never show.
    const officer = staffContext(app.karvan.cases, ["cases.read", "cases.process"], sms, 901);
    const approver = staffContext(
      app.karvan.cases,
      ["cases.read", "cases.approve", "cases.process"],
      sms,
      902,
    );
    await transitionCase(officer, caseId, undefined, "start-review");
    await addNote(officer, caseId, "INTERNAL: check the employer's licence");
    clock.set("2026-02-04T06:00:00Z");
    await transitionCase(officer, caseId, undefined, "request-documents", {
      documentCodes: ["passport"],
      message: "The passport copy is unreadable: please send a sharper scan.",
    });
    await sendMessage(officer, caseId, "We have received the fee, thank you.");
    await signInAgain(client, "amina@example.org");
    let status = await client.get(`/applications/${caseId}`);
    expect(status.body).toContain('data-testid="document-request"');
    expect(status.body).toContain("please send a sharper scan");
    expect(status.body).toContain("Message from the officer");
    expect(status.body).toContain("Application submitted");
    expect(status.body).toContain("Stopped since 4 February 2026");
    expect(status.body).not.toContain("INTERNAL");
    expect(status.body).not.toContain("start-review");

    // Sending without a new upload is refused; with one, the case goes back to the officer.
    const tooEarly = await client.post(`/applications/${caseId}/provide-documents`, {
      expectedSeq: hiddenValue(status.body, "expectedSeq"),
    });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.body).toContain("Upload a new file for every requested document");
    clock.set("2026-02-09T06:00:00Z");
    await signInAgain(client, "amina@example.org");
    await client.get(`/applications/${caseId}`);
    // An upload refused on the case page shows the case page again, the problem at its upload field.
    const noFile = await client.postMultipart(`/applications/${caseId}/documents`, [
      { name: "from", value: "status" },
      { name: "code", value: "passport" },
    ]);
    expect(noFile.statusCode).toBe(422);
    expect(noFile.body).toContain('data-testid="document-request"');
    expect(noFile.body).toContain('href="#upload-file"');
    const reupload = await client.postMultipart(`/applications/${caseId}/documents`, [
      { name: "from", value: "status" },
      { name: "code", value: "passport" },
      { name: "file", fileName: "passport-sharp.jpg", content: sampleDocuments.jpeg },
    ]);
    expect(location(reupload)).toBe(`/applications/${caseId}?done=uploaded`);
    status = await client.get(`/applications/${caseId}`);
    const sent = await client.post(`/applications/${caseId}/provide-documents`, {
      expectedSeq: hiddenValue(status.body, "expectedSeq"),
      documentsMessage: "Here is a better scan.",
    });
    expect(location(sent)).toBe(`/applications/${caseId}?done=documentsSent`);
    const disguised = await client.post(`/applications/${caseId}/messages`, { message: "Hi \u2067there" });
    expect(disguised.statusCode).toBe(422);
    expect(disguised.body).toContain('href="#message"');
    expect(disguised.body).toContain("The message must not contain hidden or control characters");
    const message = await client.post(`/applications/${caseId}/messages`, {
      message: "When will I hear back?",
    });
    expect(location(message)).toBe(`/applications/${caseId}?done=messageSent`);
    status = await client.get(`/applications/${caseId}`);
    expect(status.body).toContain("Documents sent");
    expect(status.body).toContain("Here is a better scan.");
    expect(status.body).toContain("When will I hear back?");
    expect(status.body).not.toContain("\u2067");
    expect(status.body).toContain("Your message");
    expect(status.body).not.toContain('data-testid="document-request"');

    // The decision, with the letter and the permit as PDFs in each language.
    await transitionCase(officer, caseId, undefined, "draft-decision", {
      outcome: "approved",
      reasons: "All conditions are met.",
    });
    await transitionCase(approver, caseId, undefined, "approve");
    await transitionCase(officer, caseId, undefined, "issue");
    status = await client.get(`/applications/${caseId}`);
    expect(status.body).toContain('data-testid="decision"');
    expect(status.body).toContain("Decision: Granted");
    expect(status.body).toContain(`/applications/${caseId}/permit/ru`);
    for (const url of [`/applications/${caseId}/decision/az`, `/applications/${caseId}/permit/ru`]) {
      const pdf = await client.get(url);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(String(pdf.headers["content-disposition"])).toMatch(/^attachment; /);
      expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // The QR code pointing to the verification page.
      expect(pdf.rawPayload.toString("latin1")).toMatch(/\/Subtype \/Image/);
    }
    expect((await client.get(`/applications/${caseId}/permit/de`)).statusCode).toBe(404);
    await signInAgain(stranger, "stranger@example.org");
    expect((await stranger.get(`/applications/${caseId}/permit/en`)).statusCode).toBe(404);

    const mine = await client.get("/applications");
    expect(mine.body).toContain(state?.number as string);
    expect(mine.body).toContain("Decided");
    // Every page the applicant opened on the case is in the audit trail.
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'case.viewed' and entity_id = ${caseId}`,
      ),
    ).toBeGreaterThan(15);
  });

  it("shows a conditional page with a repeating group, keeps drafts for later, and tells of a change made elsewhere", async () => {
    const client = await newApplicant("farid@example.org");
    const caseId = caseIdFrom(await client.post("/apply/portal-sample"));
    await answerAboutYou(client, caseId);
    let page = await client.get(`/applications/${caseId}/pages/ground`);
    const later = await client.post(`/applications/${caseId}/pages/ground`, {
      expectedSeq: hiddenValue(page.body, "expectedSeq"),
      _shown: "ground",
      ground: "family",
      action: "later",
    });
    expect(location(later)).toBe("/applications?done=saved");
    const dashboard = await client.get("/applications?done=saved");
    expect(dashboard.body).toContain('data-testid="dashboard-notice"');
    expect(dashboard.body).toContain('data-testid="draft-applications"');

    // The draft's task list leads on to the family page, which applies to a family ground.
    const tasks = await client.get(`/applications/${caseId}`);
    expect(tasks.body).toContain('data-testid="task-list"');
    expect(tasks.body).toContain(`/applications/${caseId}/pages/family`);
    page = await client.get(`/applications/${caseId}/pages/family`);
    expect(page.body).toContain('name="relatives.0.relativeName"');
    expect(page.body).not.toContain('name="relatives.1.relativeName"');

    const seq = hiddenValue(page.body, "expectedSeq");
    const added = await client.post(`/applications/${caseId}/pages/family`, {
      expectedSeq: seq,
      _shown: "relatives",
      "relatives.0.relativeName": "Leyla Aliyeva",
      "relatives.0.relativeBirthDate-day": "1",
      "relatives.0.relativeBirthDate-month": "2",
      "relatives.0.relativeBirthDate-year": "1960",
      action: "add:relatives",
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('name="relatives.1.relativeName"');
    expect(added.body).toContain('value="Leyla Aliyeva"');
    const withTwo = await client.post(`/applications/${caseId}/pages/family`, {
      expectedSeq: hiddenValue(added.body, "expectedSeq"),
      _shown: "relatives",
      "relatives.0.relativeName": "Leyla Aliyeva",
      "relatives.0.relativeBirthDate-day": "1",
      "relatives.0.relativeBirthDate-month": "2",
      "relatives.0.relativeBirthDate-year": "1960",
      "relatives.1.relativeName": "Rashad Aliyev",
      "relatives.1.relativeBirthDate-day": "",
      "relatives.1.relativeBirthDate-month": "",
      "relatives.1.relativeBirthDate-year": "",
    });
    expect(withTwo.statusCode).toBe(422);
    expect(withTwo.body).toContain('href="#relatives-1-relativeBirthDate-day"');
    expect(withTwo.body).toContain('value="Rashad Aliyev"');
    const removed = await client.post(`/applications/${caseId}/pages/family`, {
      expectedSeq: hiddenValue(withTwo.body, "expectedSeq"),
      _shown: "relatives",
      "relatives.0.relativeName": "Leyla Aliyeva",
      "relatives.0.relativeBirthDate-day": "1",
      "relatives.0.relativeBirthDate-month": "2",
      "relatives.0.relativeBirthDate-year": "1960",
      "relatives.1.relativeName": "Rashad Aliyev",
      action: "remove:relatives:1",
    });
    expect(removed.body).not.toContain('name="relatives.1.relativeName"');
    let state = await loadCaseState(app.karvan.database.db, caseId);
    expect(state?.answers.relatives).toEqual([
      { relativeName: "Leyla Aliyeva", relativeBirthDate: "1960-02-01" },
    ]);

    // A page shown before another tab saved: the save is refused with a clear message, input kept.
    const stale = hiddenValue(page.body, "expectedSeq");
    const changed = await client.post(`/applications/${caseId}/pages/family`, {
      expectedSeq: stale,
      _shown: "relatives",
      "relatives.0.relativeName": "Leyla Aliyeva-Huseynova",
      "relatives.0.relativeBirthDate-day": "1",
      "relatives.0.relativeBirthDate-month": "2",
      "relatives.0.relativeBirthDate-year": "1960",
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.body).toContain("Someone else changed this case a moment ago");
    expect(changed.body).toContain('value="Leyla Aliyeva-Huseynova"');
    const retried = await client.post(`/applications/${caseId}/pages/family`, {
      expectedSeq: hiddenValue(changed.body, "expectedSeq"),
      _shown: "relatives",
      "relatives.0.relativeName": "Leyla Aliyeva-Huseynova",
      "relatives.0.relativeBirthDate-day": "1",
      "relatives.0.relativeBirthDate-month": "2",
      "relatives.0.relativeBirthDate-year": "1960",
    });
    expect(location(retried)).toBe(`/applications/${caseId}/pages/stay`);

    // Not complete: check your answers offers no submit button, and submitting anyway says why.
    const check = await client.get(`/applications/${caseId}/check`);
    expect(check.body).toContain('data-testid="not-ready"');
    expect(check.body).not.toContain('data-testid="continue-to-payment"');
    // Nobody pays before the answers are complete and checked.
    expect(location(await client.get(`/applications/${caseId}/fee`))).toBe(`/applications/${caseId}/check`);
    expect(location(await client.post(`/applications/${caseId}/fee`, { tier: "standard" }))).toBe(
      `/applications/${caseId}/check`,
    );
    const refused = await client.post(`/applications/${caseId}/submit`, { idempotencyKey: "k-1" });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(`/applications/${caseId}/pages/stay?return=check#address`);
    state = await loadCaseState(app.karvan.database.db, caseId);
    expect(state?.category).toBe("draft");

    // Staff and anonymous visitors do not reach the applicants' pages.
    expect(location(await app.client().get("/applications"))).toBe("/sign-in?next=%2Fapplications");
  });

  it("says in the page's language what is wrong with which question, the hidden prefix included", async () => {
    const client = await newApplicant("leyla@example.org");
    client.setCookie("karvan_lang", "az");
    const caseId = caseIdFrom(await client.post("/apply/portal-sample"));
    const form = await client.get(`/applications/${caseId}/pages/about-you`);
    const wrong = await client.post(`/applications/${caseId}/pages/about-you`, {
      expectedSeq: hiddenValue(form.body, "expectedSeq"),
      fullName: "",
      "birthDate-day": "1",
      "birthDate-month": "1",
      "birthDate-year": "2030",
      citizenship: "",
      email: "leyla@example.org",
      passportNumber: "AB12345",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("<title>Xəta: ");
    expect(wrong.body).toContain(
      '<span class="govuk-visually-hidden">Xəta:</span> «Full name (az)» sahəsini doldurun',
    );
    expect(wrong.body).toContain("«Date of birth (az)» sahəsindəki tarix bu gün və ya keçmişdə olmalıdır");
    expect(wrong.body).toContain("«Citizenship (az)» sahəsində dəyər seçin");
    expect(wrong.body).not.toContain(">Error:<");
  });

  it("lets the applicant withdraw a submitted application after confirming", async () => {
    const { browser: client, userId } = await signInNewApplicant(
      app.karvan.database.db,
      clock,
      app.client(),
      "nigar@example.org",
    );
    const cases = app.karvan.cases;
    const applicant: CasesContext = {
      db: cases.db,
      clock: cases.clock,
      registry: cases.registry,
      deadlines: cases.deadlines,
      principal: {
        userId,
        email: "nigar@example.org",
        fullName: "Nigar",
        kind: "public",
        agencyId: null,
        roles: ["applicant"],
        permissions: new Set(["portal.apply"]),
        locale: "en",
      },
    };
    let state = await startApplication(applicant, "portal-sample");
    for (const [pageId, answers] of Object.entries({
      "about-you": {
        fullName: "Nigar Mammadova",
        birthDate: "1995-06-01",
        citizenship: "GE",
        email: "nigar@example.org",
        passportNumber: "GE1234567",
      },
      ground: { ground: "family" },
      family: { relatives: [{ relativeName: "Aysel Mammadova", relativeBirthDate: "1970-01-01" }] },
      stay: { address: { street: "Istiglaliyyat 5", city: "Ganja" }, months: 6, purpose: "living" },
    })) {
      state = await saveAnswers(applicant, state.id, state.lastSeq, pageId, answers);
    }
    state = await attachDocument(applicant, state.id, "passport", {
      documentId: `202602-${"a".repeat(32)}`,
      mediaType: "application/pdf",
      size: 2048,
      sha256: "b".repeat(64),
      fileName: "passport.pdf",
    });
    await recordFeePayment(applicant, state.id, { paymentId: "demo_test", amountMinor: 3000 });
    state = await submitApplication(applicant, state.id);

    const status = await client.get(`/applications/${state.id}`);
    expect(status.body).toContain(`href="/applications/${state.id}/withdraw"`);
    const confirm = await client.get(`/applications/${state.id}/withdraw`);
    expect(confirm.body).toContain(`If you withdraw application ${state.number}`);
    const withdrawn = await client.post(`/applications/${state.id}/withdraw`, {
      expectedSeq: hiddenValue(confirm.body, "expectedSeq"),
    });
    expect(location(withdrawn)).toBe(`/applications/${state.id}?done=withdrawn`);
    const after = await client.get(`/applications/${state.id}?done=withdrawn`);
    expect(after.body).toContain("Application withdrawn");
    expect(after.body).toContain("Withdrawn");
    expect(after.body).not.toContain(`/applications/${state.id}/withdraw"`);
    expect(after.body).not.toContain('name="message"');
  });
});
