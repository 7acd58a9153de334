import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { sourceRoot } from "../../../app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { createLocalDocuments } from "../../../platform/files/index.js";
import { createI18n } from "../../../platform/http/index.js";
import type { MailMessage } from "../../../platform/mail/index.js";
import { findAgencyByCode, type Principal } from "../../access/index.js";
import { defineCaseType } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { actOnCase } from "../operations/act-on-case.js";
import { attachDocument } from "../operations/attach-document.js";
import { signInAgain } from "../portal/portal-test-bed.js";
import type { StaffContext, Workspace } from "../workspace/workspace.js";
import {
  contextOf,
  hiddenValue,
  location,
  newApplicant,
  staffPrincipal,
  submittedCase,
  workspaceSample,
} from "../workspace/workspace-test-bed.js";
import { notifyApplicantOfChange } from "./notify-applicant-of-change.js";
import { permitExpiryJob } from "./permit-expiry-job.js";

/** The workspace sample with a hold an officer puts on and lifts (no documents asked), no tasks. */
const noticesSample = defineCaseType({
  ...workspaceSample,
  code: "notices-sample",
  numberPrefix: "NTC",
  tasks: [],
  states: {
    ...workspaceSample.states,
    "on-hold": {
      category: "waiting",
      label: { az: "Dayandırılıb", en: "On hold", ru: "Приостановлено" },
      pausesDeadline: true,
    },
  },
  transitions: [
    ...workspaceSample.transitions,
    {
      name: "hold",
      label: { az: "Dayandır", en: "Put on hold", ru: "Приостановить" },
      from: ["in-review"],
      to: "on-hold",
      allowed: "cases.process",
    },
    {
      name: "resume",
      label: { az: "Davam et", en: "Resume", ru: "Возобновить" },
      from: ["on-hold"],
      to: "in-review",
      allowed: "cases.process",
    },
  ],
});

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday, 10:00 in Baku
const leadDays = 20;
const reasons = "Article 1 is met: the contract with Caspian LLC is valid.";
let app: TestApp;
let workspace: Workspace;
let applicant: Principal;
let browser: TestClient;
let officer: StaffContext;
let approver: StaffContext;
let decided: CaseState;

/** Personal data of the case that an e-mail must never carry. */
const personal = ["Amina", "Rahimova", "U12345678", "Caspian", "unreadable", "Article 1", "1990"];

function mailsSince(count: number): MailMessage[] {
  return app.mailer.messages.slice(count);
}

function expectNoPersonalData(mail: MailMessage | undefined) {
  expect(mail).toBeDefined();
  for (const text of personal) {
    expect(mail?.text).not.toContain(text);
    expect(mail?.subject).not.toContain(text);
  }
  if (decided?.decision?.documentNumber) expect(mail?.text).not.toContain(decided.decision.documentNumber);
}

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

beforeAll(async () => {
  app = await createTestApp({
    clock,
    caseTypes: [noticesSample],
    env: { KARVAN_PERMIT_EXPIRY_NOTICE_DAYS: String(leadDays) },
  });
  const cases = app.karvan.cases;
  workspace = {
    cases,
    documents: createLocalDocuments(app.config, clock),
    i18n: await createI18n(sourceRoot),
  };
  // The account reads Russian; the browser below reads English: the e-mails follow the account.
  applicant = await newApplicant(app.database.db, clock, "amina@example.org", "Amina Rahimova");
  browser = app.client();
  browser.setCookie("karvan_lang", "en");
  await signInAgain(browser, "amina@example.org");
  const sms = await findAgencyByCode(app.database.db, "SMS");
  const staff = (n: number, permissions: Array<"cases.process" | "cases.approve">): StaffContext => {
    const principal = staffPrincipal(`00000000-0000-4000-8000-00000000010${n}`, sms?.id ?? "", permissions);
    return { ...contextOf(cases, principal), principal };
  };
  officer = staff(1, ["cases.process"]);
  approver = staff(2, ["cases.approve"]);
});
afterAll(async () => {
  await app.close();
});

describe("notices to the applicant", () => {
  it("tells of a request for documents, a hold, the case taken up again and the decision, once each", async () => {
    let state = await submittedCase(app.karvan.cases, app.config, applicant, {}, "notices-sample");
    const caseLink = `${app.config.publicUrl}/applications/${state.id}?lang=ru`;
    const act = async (name: string, input = {}, as = officer) => {
      state = await actOnCase(workspace, as, state.id, state.lastSeq, name, input);
    };

    let before = app.mailer.messages.length;
    await act("start-review");
    expect(mailsSince(before)).toEqual([]);

    // Documents asked for: the clock stops, the e-mail names the documents, not the officer's words.
    await act("request-documents", { documentCodes: ["passport"], message: "The copy is unreadable." });
    const [requested, ...noMore] = mailsSince(before);
    expect(noMore).toEqual([]);
    expect(requested?.to).toBe("amina@example.org");
    expect(requested?.subject).toBe(`Для вашего заявления ${state.number} нужны документы`);
    expect(requested?.text).toContain("- Passport (ru)");
    expect(requested?.text).toContain("Срок рассмотрения остановлен");
    expect(requested?.text).toContain(caseLink);
    expectNoPersonalData(requested);

    // The applicant sends a new copy through the portal: the case is taken up again.
    const stored = await workspace.documents.storeDocument(
      Buffer.from("%PDF-1.7\n% a readable passport\n%%EOF\n", "latin1"),
      { declaredName: "passport-2.pdf" },
    );
    await attachDocument(contextOf(app.karvan.cases, applicant), state.id, "passport", {
      documentId: stored.id,
      mediaType: stored.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      fileName: "passport-2.pdf",
    });
    before = app.mailer.messages.length;
    const page = await browser.get(`/applications/${state.id}`);
    const sent = await browser.post(`/applications/${state.id}/provide-documents`, {
      expectedSeq: hiddenValue(page.body, "expectedSeq"),
    });
    expect(location(sent)).toBe(`/applications/${state.id}?done=documentsSent`);
    const [resumedByApplicant, ...noOther] = mailsSince(before);
    expect(noOther).toEqual([]);
    expect(resumedByApplicant?.subject).toBe(`Рассмотрение вашего заявления ${state.number} возобновлено`);
    expect(resumedByApplicant?.text).toContain(caseLink);
    expectNoPersonalData(resumedByApplicant);
    state = (await loadCaseState(app.karvan.cases.db, state.id)) as CaseState;

    // An officer puts the case on hold and takes it up again.
    before = app.mailer.messages.length;
    await act("hold");
    const [paused] = mailsSince(before);
    expect(paused?.subject).toBe(`Рассмотрение вашего заявления ${state.number} приостановлено`);
    expect(paused?.text).toContain(caseLink);
    expectNoPersonalData(paused);
    await act("resume");
    const [, resumed] = mailsSince(before);
    expect(resumed?.subject).toBe(`Рассмотрение вашего заявления ${state.number} возобновлено`);
    expect(resumed?.id).not.toBe(resumedByApplicant?.id);
    expectNoPersonalData(resumed);

    // Drafting and approving change nothing for the applicant; issuing tells them.
    before = app.mailer.messages.length;
    await act("draft-decision", { outcome: "approved", reasons });
    await act("approve", {}, approver);
    expect(mailsSince(before)).toEqual([]);
    await act("issue");
    decided = state;
    const [decision, ...rest] = mailsSince(before);
    expect(rest).toEqual([]);
    expect(decision?.subject).toBe(`По вашему заявлению ${state.number} принято решение`);
    expect(decision?.text).toContain(`${app.config.publicUrl}/applications/${state.id}/decision?lang=ru`);
    expect(decision?.text).not.toContain("Granted");
    expectNoPersonalData(decision);

    // The same change notified again (a retry) sends nothing new: each notice is keyed by its event.
    before = app.mailer.messages.length;
    expect(await notifyApplicantOfChange(workspace, state, 0)).toBeGreaterThanOrEqual(4);
    expect(mailsSince(before)).toEqual([]);
  });

  it("shows the decision letter as a page to the applicant only, audited", async () => {
    const status = await browser.get(`/applications/${decided.id}`);
    expect(status.body).toContain(`href="/applications/${decided.id}/decision"`);

    const page = await browser.get(`/applications/${decided.id}/decision`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain('<h1 class="govuk-heading-l">The decision on your application</h1>');
    expect(page.body).toContain("Decision: Granted");
    expect(page.body).toContain(reasons);
    expect(page.body).toContain("Test law, article 1");
    expect(page.body).toContain(decided.decision?.documentNumber ?? "missing number");
    expect(page.body).toContain(`/verify/${decided.decision?.verificationCode}`);
    expect(page.body).toContain(`href="/applications/${decided.id}/decision/az"`);
    expect(page.body).toContain(`href="/applications/${decided.id}/permit/ru"`);
    const viewed = (await audit(decided.id)).filter((row) => row.action === "case.viewed").at(-1);
    expect(viewed).toMatchObject({
      outcome: "success",
      actor_id: applicant.userId,
      details: { view: "decision-page" },
    });

    // Someone else's decision does not exist for them, and the attempt is on record.
    const other = await newApplicant(app.database.db, clock, "farid@example.org", "Farid Aliyev");
    const stranger = app.client();
    stranger.setCookie("karvan_lang", "en");
    await signInAgain(stranger, "farid@example.org");
    expect((await stranger.get(`/applications/${decided.id}/decision`)).statusCode).toBe(404);
    const refused = (await audit(decided.id)).at(-1);
    expect(refused).toMatchObject({ outcome: "denied", actor_id: other.userId });

    // Their own case without a decision: no page yet.
    const pending = await submittedCase(app.karvan.cases, app.config, other, {}, "notices-sample");
    expect((await stranger.get(`/applications/${pending.id}/decision`)).statusCode).toBe(404);
  });

  it("reminds the holder once before the permit expires, however often the daily job runs", async () => {
    const validTo = decided.decision?.validTo as string;
    expect(validTo).toBe("2027-02-01");
    const at = (isoDate: string) => new Date(`${isoDate}T05:23:00Z`).getTime();
    const before = app.mailer.messages.length;

    // One day before the lead time: too early.
    clock.advance(at("2027-01-11") - clock.now().getTime());
    await app.karvan.jobs.send(permitExpiryJob, {});
    expect(mailsSince(before)).toEqual([]);

    clock.advance(at("2027-01-12") - clock.now().getTime());
    await app.karvan.jobs.send(permitExpiryJob, {});
    await app.karvan.jobs.send(permitExpiryJob, {});
    clock.advance(at("2027-01-13") - clock.now().getTime());
    await app.karvan.jobs.send(permitExpiryJob, {});
    const [reminder, ...again] = mailsSince(before);
    expect(again).toEqual([]);
    expect(reminder?.to).toBe("amina@example.org");
    expect(reminder?.subject).toBe(
      `Срок действия разрешения по заявлению ${decided.number} истекает 1 февраля 2027 г.`,
    );
    expect(reminder?.text).toContain(`${app.config.publicUrl}/applications/${decided.id}?lang=ru`);
    expectNoPersonalData(reminder);
    const claims = await queryRows<{ count: number }>(
      app.database.db,
      sql`select count(*)::int as count from permit_expiry_notices where case_id = ${decided.id}`,
    );
    expect(claims[0]?.count).toBe(1);
  });
});
