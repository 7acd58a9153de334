import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoEmail, demoPassword } from "../src/demo/index.js";
import { sampleDocuments } from "../src/platform/files/test-documents.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** A date `days` from today, as day, month and year for the GOV.UK date inputs. */
function daysFromNow(days: number): { day: string; month: string; year: string } {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
  };
}

async function fillDate(page: Page, name: string, value: { day: string; month: string; year: string }) {
  await page.fill(`#${name}-day`, value.day);
  await page.fill(`#${name}-month`, value.month);
  await page.fill(`#${name}-year`, value.year);
}

/** Clicks a button that sends a form, waits for the page it leads to and checks it with axe. */
async function send(page: Page, button: string, leadsTo: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL(leadsTo);
  await expectAccessible(page);
}

/** Uploads one file through the portal's upload form (draft documents page or case status page). */
async function upload(
  page: Page,
  idPrefix: string,
  code: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  leadsTo: RegExp,
) {
  await page.selectOption(`#${idPrefix}code`, code);
  await page.setInputFiles(`#${idPrefix}file`, file);
  await send(page, "Upload", leadsTo);
}

/**
 * The whole life of a temporary residence permit through the real pages: the applicant applies
 * (ground "other", the one with the fewest questions that still needs its own evidence), the
 * officer asks for a missing document, the applicant sends it, the decision is drafted, approved
 * by a second person, issued, downloaded as a PDF and checked on the public verification page.
 */
describe.runIf(browserAvailable)("a temporary residence permit from application to verified permit", () => {
  const bed = useKarvanInBrowser();
  const usedCodes = new Set<string>();

  it("applies, answers a request for a document, and gets a permit the public can check", {
    timeout: 240_000,
  }, async () => {
    const base = bed.karvan.baseUrl;

    // The applicant signs in and starts the application.
    const applicant = await bed.newPerson();
    await visit(applicant, `${base}/sign-in?lang=en`);
    await applicant.fill("#email", demoEmail("applicant"));
    await applicant.fill("#password", demoPassword);
    await applicant.getByRole("button", { name: "Sign in" }).click();
    await applicant.waitForURL(/\/account/);
    await expectAccessible(applicant);

    await applicant.getByRole("link", { name: "My applications" }).click();
    await applicant.waitForURL(/\/applications$/);
    await expectAccessible(applicant);
    await applicant.locator('a[href="/apply/temporary-residence-permit"]').click();
    await applicant.waitForURL(/\/apply\/temporary-residence-permit$/);
    await expectAccessible(applicant);
    await expect(applicant.locator("h1").textContent()).resolves.toBe("Temporary residence permit");
    await applicant.getByRole("button", { name: "Start now" }).click();
    await applicant.waitForURL(/\/pages\/about-you$/);
    await expectAccessible(applicant);
    const caseId = /\/applications\/([0-9a-f-]{36})\//.exec(applicant.url())?.[1] ?? "";
    expect(caseId).not.toBe("");

    // About you.
    await applicant.fill("#fullName", "Li Wei");
    await fillDate(applicant, "birthDate", { day: "9", month: "3", year: "1988" });
    await applicant.selectOption("#citizenship", "CN");
    await applicant.fill("#passportNumber", "E98765432");
    await send(applicant, "Save and continue", /\/pages\/current-stay$/);

    // The current stay: its end and the address in Azerbaijan.
    await fillDate(applicant, "currentStayEnds", daysFromNow(60));
    await applicant.fill("#addressInAzerbaijan-street", "Nizami street 10");
    await applicant.fill("#addressInAzerbaijan-city", "Baku");
    await applicant.fill("#addressInAzerbaijan-postcode", "AZ1001");
    await send(applicant, "Save and continue", /\/pages\/ground$/);

    // The ground: "another ground" adds its own page and its own evidence.
    await applicant.getByLabel("Another ground the law provides for").check();
    await send(applicant, "Save and continue", /\/pages\/other-ground$/);
    await applicant.fill("#otherGround", "I own a flat in Baku and live in it.");
    await send(applicant, "Save and continue", /\/documents$/);

    // Documents: "check your answers" before paying names the ones still missing, with links.
    await applicant.getByRole("button", { name: "Continue" }).click();
    await applicant.waitForURL(/\/check$/);
    await expectAccessible(applicant);
    await expectFitsPhone(applicant);
    await expect(applicant.getByTestId("missing-documents").textContent()).resolves.toContain(
      "Upload: Documents that prove the ground",
    );
    await applicant.getByTestId("missing-documents").getByRole("link").first().click();
    await applicant.waitForURL(/\/documents\?code=/);
    await expectAccessible(applicant);

    // Every required document, one upload each.
    const required = [
      ["passport", "passport.pdf", "application/pdf", sampleDocuments.pdf],
      ["photo", "photo.png", "image/png", sampleDocuments.png],
      ["medical-certificate", "medical-old.pdf", "application/pdf", sampleDocuments.pdf],
      ["housing-document", "flat-ownership.pdf", "application/pdf", sampleDocuments.pdf],
      ["means-of-subsistence", "bank-statement.pdf", "application/pdf", sampleDocuments.pdf],
      ["ground-evidence", "property-extract.png", "image/png", sampleDocuments.png],
    ] as const;
    for (const [code, name, mimeType, buffer] of required) {
      await upload(applicant, "", code, { name, mimeType, buffer }, /\/documents\?done=uploaded$/);
    }
    const attached = (await applicant.getByTestId("attached-documents").textContent()) ?? "";
    for (const [, name] of required) expect(attached).toContain(name);
    await applicant.getByRole("button", { name: "Continue" }).click();
    await applicant.waitForURL(/\/check$/);
    await expectAccessible(applicant);
    const check = (await applicant.locator("main").textContent()) ?? "";
    expect(check).toContain("Li Wei");
    expect(check).toContain("I own a flat in Baku and live in it.");
    await expect(applicant.getByTestId("missing-documents").count()).resolves.toBe(0);
    await applicant.getByRole("button", { name: "Accept and continue to payment" }).click();
    await applicant.waitForURL(/\/fee$/);
    await expectAccessible(applicant);

    // Standard processing, paid with the demo gateway; then back to submit.
    await expect(applicant.getByTestId("demo-payment-warning").isVisible()).resolves.toBe(true);
    await expect(applicant.getByRole("radio", { name: /^Standard processing/ }).isChecked()).resolves.toBe(
      true,
    );
    await applicant.getByRole("button", { name: "Continue to payment" }).click();
    await applicant.waitForURL(/\/demo\/pay\//);
    await expectAccessible(applicant);
    await applicant.getByTestId("demo-pay").click();
    await applicant.waitForURL(/\/check\?done=paid$/);
    await expectAccessible(applicant);

    await send(applicant, "Submit application", /\/receipt$/);
    const number = (await applicant.getByTestId("case-number").textContent()) ?? "";
    expect(number).toMatch(/^TRP-\d{4}-\d{6}$/);

    // A case officer finds the case in the queue, takes it and asks for a new medical certificate.
    const officer = await bed.newPerson();
    await signInAsDemoStaff(officer, bed.karvan, "case_officer", usedCodes);
    await officer.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Cases" }).click();
    await officer.waitForURL(/\/cases$/);
    await expectAccessible(officer);
    await expect(officer.getByTestId("queue-table").textContent()).resolves.toContain(number);
    await officer.getByRole("link", { name: number }).click();
    await officer.waitForURL(new RegExp(`/cases/${caseId}$`));
    await expectAccessible(officer);
    await expect(officer.getByTestId("case-state").textContent()).resolves.toBe("Submitted");
    await send(officer, "Take this case", /done=claimed/);
    await expect(officer.getByTestId("case-assigned").textContent()).resolves.toBe("Leyla Mammadova");
    await send(officer, "Start the review", /done=start-review/);
    await expect(officer.getByTestId("case-state").textContent()).resolves.toBe("In review");

    const requestForm = officer.getByTestId("action-request-documents");
    await requestForm
      .getByLabel("Medical certificate that you do not carry HIV or the hepatitis B or C virus")
      .check();
    await officer.fill(
      "#action-request-documents-message",
      "The certificate must be less than three months old.",
    );
    await send(officer, "Request documents", /done=request-documents/);
    await expect(officer.getByTestId("case-state").textContent()).resolves.toBe("Waiting for documents");
    await visit(officer, `${base}/cases/${caseId}/documents`);
    // The old certificate is on file, but the request is open until a new one comes.
    await expect(officer.getByTestId("outstanding-documents").textContent()).resolves.toContain(
      "Medical certificate that you do not carry HIV",
    );

    // The applicant sees the request on the status page and answers it with a new upload.
    await visit(applicant, `${base}/applications/${caseId}`);
    await expect(applicant.getByTestId("case-summary").textContent()).resolves.toContain(
      "Waiting for documents",
    );
    const request = applicant.getByTestId("document-request");
    const requestText = (await request.textContent()) ?? "";
    expect(requestText).toContain("Documents requested");
    expect(requestText).toContain("The certificate must be less than three months old.");
    expect(requestText).toContain("Medical certificate that you do not carry HIV");
    expect(requestText).toContain("Missing");

    // Sending before uploading is refused with an accessible error summary.
    await applicant.getByRole("button", { name: "Send the documents" }).click();
    await applicant.waitForLoadState();
    await expectAccessible(applicant);
    await expect(applicant.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "Upload a new file for every requested document before you send them",
    );

    await upload(
      applicant,
      "upload-",
      "medical-certificate",
      { name: "medical-new.pdf", mimeType: "application/pdf", buffer: sampleDocuments.pdf },
      new RegExp(`/applications/${caseId}\\?done=uploaded$`),
    );
    await expect(applicant.getByTestId("document-request").textContent()).resolves.toContain("Uploaded");
    await expect(applicant.getByTestId("attached-documents").textContent()).resolves.toContain(
      "medical-new.pdf",
    );
    await applicant.fill("#documentsMessage", "Here is a certificate from last week.");
    await send(applicant, "Send the documents", /done=documentsSent$/);
    await expect(applicant.getByTestId("document-request").count()).resolves.toBe(0);
    await expect(applicant.getByTestId("case-summary").textContent()).resolves.toContain("In review");
    await expect(applicant.getByTestId("timeline").textContent()).resolves.toContain("Documents sent");

    // The officer sees the new certificate; the type has no tasks for other agencies.
    await visit(officer, `${base}/cases/${caseId}/documents`);
    await expect(officer.getByTestId("documents-table").textContent()).resolves.toContain("medical-new.pdf");
    await expect(officer.getByTestId("outstanding-documents").count()).resolves.toBe(0);
    await visit(officer, `${base}/cases/${caseId}/tasks`);
    await expect(officer.locator("main").textContent()).resolves.toContain("This case has no tasks.");

    // A positive decision, drafted by the officer.
    await visit(officer, `${base}/cases/${caseId}`);
    await expect(officer.getByTestId("case-state").textContent()).resolves.toBe("In review");
    await officer.getByLabel("Temporary residence permit granted").check();
    await officer.fill(
      "#action-draft-decision-reasons",
      "Article 45: the applicant owns the dwelling and has the means to live.",
    );
    await send(officer, "Draft the decision", /done=draft-decision/);
    await expect(officer.getByTestId("case-state").textContent()).resolves.toBe("Decision drafted");

    // Four eyes: the officer who drafted has no way to approve; a second person, an approver, does.
    await expect(
      officer.getByRole("button", { name: "Approve the decision", exact: true }).count(),
    ).resolves.toBe(0);
    const approver = await bed.newPerson();
    await signInAsDemoStaff(approver, bed.karvan, "approver", usedCodes);
    await visit(approver, `${base}/cases/${caseId}`);
    await expect(approver.getByTestId("case-decision").textContent()).resolves.toContain("Leyla Mammadova");
    await send(approver, "Approve the decision", /\/actions\/approve$/);
    await send(approver, "Confirm: Approve the decision", /done=approve/);
    await expect(approver.getByTestId("case-state").textContent()).resolves.toBe("Decision approved");

    // The officer issues the permit.
    await visit(officer, `${base}/cases/${caseId}`);
    await send(officer, "Issue the decision", /done=issue/);
    await expect(officer.getByTestId("case-state").textContent()).resolves.toBe("Decided");
    const documentNumber = (await officer.getByTestId("document-number").textContent()) ?? "";
    expect(documentNumber).toMatch(/^TRPP-\d{4}-\d{6}$/);
    const code = (await officer.getByTestId("verification-code").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9_-]{8,}$/);

    // The applicant reads the decision and downloads the permit.
    await visit(applicant, `${base}/applications/${caseId}`);
    await expectFitsPhone(applicant);
    const decision = (await applicant.getByTestId("decision").textContent()) ?? "";
    expect(decision).toContain("Temporary residence permit granted");
    expect(decision).toContain(documentNumber);

    // The decision letter as a page (the PDF is for printing), linked from the status page.
    await applicant.getByTestId("decision-page-link").click();
    await applicant.waitForURL(new RegExp(`/applications/${caseId}/decision$`));
    await expectAccessible(applicant);
    await expect(applicant.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "The decision on your application",
    );
    await expect(applicant.getByTestId("decision-reasons").textContent()).resolves.toContain(
      "Article 45: the applicant owns the dwelling",
    );
    await expect(applicant.getByTestId("decision-facts").textContent()).resolves.toContain(documentNumber);
    const permitLink = applicant.getByTestId("permits").getByRole("link", { name: /^English/ });
    const href = (await permitLink.getAttribute("href")) ?? "";
    expect(href).toBe(`/applications/${caseId}/permit/en`);

    const [download] = await Promise.all([applicant.waitForEvent("download"), permitLink.click()]);
    expect(download.suggestedFilename()).toBe(`${documentNumber}-permit-en.pdf`);
    const downloaded = await readFile(await download.path());
    expect(downloaded.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const response = await applicant.request.get(`${base}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Anyone can check the permit on the public page with its verification code.
    const visitor = await bed.newPerson();
    await visit(visitor, `${base}/verify?lang=en`);
    await visitor.fill("#code", code);
    await visitor.getByRole("button", { name: "Check" }).click();
    await visitor.waitForURL(/\/verify\/[A-Z0-9_-]+$/);
    await expectAccessible(visitor);
    await expect(visitor.getByTestId("verify-status").textContent()).resolves.toBe("The document is valid");
    await expect(visitor.locator("main").textContent()).resolves.toContain(documentNumber);

    // ...and the downloaded PDF's electronic seal: a demo seal here.
    await visit(visitor, `${base}/verify?lang=en`);
    await visitor.setInputFiles("#document", {
      name: "permit.pdf",
      mimeType: "application/pdf",
      buffer: downloaded,
    });
    await visitor.getByRole("button", { name: "Verify the seal" }).click();
    await visitor.waitForURL(/\/verify\/seal$/);
    await expectAccessible(visitor);
    await expect(visitor.getByTestId("seal-status").getAttribute("data-status")).resolves.toBe("demo");
  });
});
