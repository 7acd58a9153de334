import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { runExpiry } from "../../../cli/privacy.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import type { Documents } from "../../../platform/files/index.js";
import { createLocalDocuments } from "../../../platform/files/index.js";
import { createUser, findAgencyByCode, type Principal, systemActor } from "../../access/index.js";
import {
  attachDocument,
  type CaseState,
  correctAnswer,
  defineCaseType,
  saveAnswers,
  startApplication,
  transitionCase,
} from "../../cases/index.js";
import {
  contextOf,
  newApplicant,
  onePagePdf,
  signInNewStaff,
  staffPrincipal,
  submittedCase,
  workspaceSample,
} from "../../cases/workspace/workspace-test-bed.js";
import { catchUpStatistics, cubeSnapshot, rebuildStatistics } from "../../statistics/index.js";
import { expireRecords } from "./expire-records.js";
import { forecastExpiry } from "./retention-forecast.js";
import { retentionJob } from "./retention-job.js";

/** The workspace sample without the employment service's task, so an officer decides at once. */
const retentionSample = defineCaseType({
  ...workspaceSample,
  code: "retention-sample",
  numberPrefix: "RTS",
  tasks: [],
});

const dayMs = 24 * 60 * 60 * 1000;
const clock = new ManualClock("2026-03-02T08:00:00Z");
let app: TestApp;
let documents: Documents;
let applicant: Principal;

async function auditOf(entityId: string) {
  return queryRows<{ action: string; details: Record<string, unknown> }>(
    app.database.db,
    sql`select action, details from audit_records where entity_id = ${entityId} order by id`,
  );
}

async function countRows(table: "cases" | "case_events", caseId: string): Promise<number> {
  const column = table === "cases" ? sql`id` : sql`case_id`;
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where ${column} = ${caseId}::uuid`,
  );
  return row?.n ?? 0;
}

/** A draft with answers and one uploaded document, last changed now. */
async function draftWithDocument(): Promise<{ draft: CaseState; documentId: string }> {
  const as = contextOf(app.karvan.cases, applicant);
  let draft = await startApplication(as, "retention-sample");
  draft = await saveAnswers(as, draft.id, draft.lastSeq, "about-you", {
    fullName: "Amina Rahimova",
    birthDate: "1990-05-17",
    citizenship: "TR",
    passportNumber: "U12345678",
  });
  const stored = await documents.storeDocument(onePagePdf("passport"), { declaredName: "passport.pdf" });
  draft = await attachDocument(as, draft.id, "passport", {
    documentId: stored.id,
    mediaType: stored.mediaType,
    size: stored.size,
    sha256: stored.sha256,
    fileName: "passport.pdf",
  });
  return { draft, documentId: stored.id };
}

const expire = () => expireRecords(app.karvan.retention, { dryRun: false });
const mailsSince = (count: number) => app.mailer.messages.slice(count);
const goTo = (at: number) => clock.set(new Date(at));

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [retentionSample] });
  documents = createLocalDocuments(app.config, clock);
  applicant = await newApplicant(app.database.db, clock, "amina@example.org", "Amina Rahimova");
});
afterAll(async () => {
  await app.close();
});

describe("abandoned drafts", () => {
  it("warns the applicant 7 days ahead, removes the draft and its file after 30 days, and says so", async () => {
    const { draft, documentId } = await draftWithDocument();
    const changed = Date.parse(draft.updatedAt);
    const before = app.mailer.messages.length;

    goTo(changed + 22 * dayMs);
    await expire();
    expect(mailsSince(before)).toEqual([]);

    goTo(changed + 23 * dayMs + 60_000);
    expect(await expire()).toMatchObject({ draftsWarned: 1, draftsRemoved: 0 });
    await expire();
    const [warning, ...noMore] = mailsSince(before);
    expect(noMore).toEqual([]);
    expect(warning?.to).toBe("amina@example.org");
    // The account reads Russian; the date is the 30th day after the last change.
    expect(warning?.subject).toBe(
      `Ваше незавершённое заявление ${draft.number} будет удалено 1 апреля 2026 г.`,
    );
    expect(warning?.text).toContain(`/applications/${draft.id}?lang=ru`);
    expect(warning?.text).not.toContain("Amina");
    expect(await countRows("cases", draft.id)).toBe(1);

    goTo(changed + 30 * dayMs + 120_000);
    expect(await expire()).toMatchObject({ draftsRemoved: 1 });
    expect(await countRows("cases", draft.id)).toBe(0);
    expect(await countRows("case_events", draft.id)).toBe(0);
    await expect(documents.readDocument(documentId)).rejects.toThrow();
    const [, removed] = mailsSince(before);
    expect(removed?.subject).toBe(`Ваше незавершённое заявление ${draft.number} удалено`);
    expect(removed?.text).toContain("30 дн.");
    const [audit] = await auditOf(draft.id).then((rows) =>
      rows.filter((row) => row.action === "privacy.draft_removed"),
    );
    expect(audit?.details).toEqual({ kind: "drafts", rule: "drafts.removeAfterDays=30", documents: 1 });

    expect(await expire()).toMatchObject({ draftsWarned: 0, draftsRemoved: 0 });
    expect(mailsSince(before)).toHaveLength(2);
  });

  it("never removes a draft without the full notice, and keeps one saved again", async () => {
    const late = await draftWithDocument();
    const kept = await draftWithDocument();
    const changed = Date.parse(late.draft.updatedAt);
    const before = app.mailer.messages.length;

    // The job did not run for 40 days: it warns first and removes a week later.
    goTo(changed + 40 * dayMs);
    expect(await expire()).toMatchObject({ draftsWarned: 2, draftsRemoved: 0 });
    expect(mailsSince(before).map((mail) => mail.subject)).toEqual([
      expect.stringContaining("будет удалено"),
      expect.stringContaining("будет удалено"),
    ]);

    // The applicant saves one of them again: its period starts anew.
    await saveAnswers(contextOf(app.karvan.cases, applicant), kept.draft.id, undefined, "about-you", {
      fullName: "Amina Rahimova",
      birthDate: "1990-05-17",
      citizenship: "TR",
      passportNumber: "U12345678",
    });
    goTo(changed + 47 * dayMs + 60_000);
    expect(await expire()).toMatchObject({ draftsWarned: 0, draftsRemoved: 1 });
    expect(await countRows("cases", late.draft.id)).toBe(0);
    expect(await countRows("cases", kept.draft.id)).toBe(1);
  });
});

describe("accounts never confirmed", () => {
  it("are removed after 7 days, audited by id only; confirmed accounts stay", async () => {
    const db = app.database.db;
    const created = clock.now().getTime();
    const pending = await createUser(
      { db, clock, actor: systemActor },
      {
        email: "never@example.org",
        fullName: "Never Confirmed",
        password: "Correct-horse-battery-9",
        kind: "public",
        roles: ["applicant"],
        status: "pending_verification",
        locale: "en",
      },
    );
    goTo(created + 6 * dayMs);
    const preview = await expireRecords(app.karvan.retention, { dryRun: true });
    expect(preview.unverifiedAccountsRemoved).toBe(0);
    goTo(created + 7 * dayMs + 60_000);
    expect((await expireRecords(app.karvan.retention, { dryRun: true })).unverifiedAccountsRemoved).toBe(1);
    expect(await expire()).toMatchObject({ unverifiedAccountsRemoved: 1 });
    const users = await queryRows<{ email: string }>(db, sql`select email from users`);
    expect(users.map((user) => user.email)).toContain("amina@example.org");
    expect(users.map((user) => user.email)).not.toContain("never@example.org");
    const audit = (await auditOf(pending.id)).at(-1);
    expect(audit).toEqual({
      action: "privacy.account_removed",
      details: { kind: "unverifiedAccounts", rule: "unverifiedAccounts.removeAfterDays=7" },
    });
  });
});

describe("decided and closed cases", () => {
  let decided: CaseState;

  beforeAll(async () => {
    const cases = app.karvan.cases;
    const sms = await findAgencyByCode(app.database.db, "SMS");
    const officer = contextOf(
      cases,
      staffPrincipal("00000000-0000-4000-8000-000000000201", sms?.id ?? "", ["cases.process"]),
    );
    const approver = contextOf(
      cases,
      staffPrincipal("00000000-0000-4000-8000-000000000202", sms?.id ?? "", ["cases.approve"]),
    );
    let state = await submittedCase(cases, app.config, applicant, {}, "retention-sample");
    const act = async (context: typeof officer, name: string, input = {}) => {
      state = await transitionCase(context, state.id, state.lastSeq, name, input);
    };
    await act(officer, "start-review");
    await act(officer, "draft-decision", { outcome: "approved", reasons: "Caspian LLC contract is valid." });
    await act(approver, "approve");
    await act(officer, "issue");
    // A corrected answer keeps the previous one in its event: both must go.
    state = await correctAnswer(officer, state.id, {
      field: "fullName",
      value: "Amina Rahimova-Aliyeva",
      correction: "CR-000001",
    });
    decided = state;
  });

  it("anonymise a case 5 years after its permit ended, keeping anonymous statistics", async () => {
    const cases = app.karvan.cases;
    const statistics = { db: cases.db, registry: cases.registry, deadlines: cases.deadlines };
    await catchUpStatistics(statistics);
    const personKeys = async () =>
      queryRows<{ person_key: string; birth_date: string | null; citizenship: string }>(
        cases.db,
        sql`select person_key, birth_date::text, citizenship from stat_records where case_id = ${decided.id}::uuid`,
      );
    expect((await personKeys())[0]?.person_key).toMatch(/^doc:/);
    const validTo = decided.decision?.validTo as string;
    expect(validTo).toBeTruthy();
    const filesBefore = decided.documents.map((document) => document.documentId);

    // Five years after the decision the permit's validity still counts: not yet.
    goTo(Date.parse(decided.updatedAt) + (5 * 365 + 2) * dayMs);
    expect(await expire()).toMatchObject({ casesAnonymised: 0 });
    goTo(Date.parse(`${validTo}T12:00:00Z`) + (5 * 365 + 3) * dayMs);
    expect((await expireRecords(app.karvan.retention, { dryRun: true })).casesAnonymised).toBe(1);
    expect(await countRows("case_events", decided.id)).toBeGreaterThan(5);
    // The daily job does the same as the command.
    await app.karvan.jobs.send(retentionJob, {});

    const events = await queryRows<{ payload: string; actor_id: string | null }>(
      cases.db,
      sql`select payload::text, actor_id from case_events where case_id = ${decided.id}::uuid`,
    );
    const history = JSON.stringify(events);
    for (const personal of [
      "Amina",
      "Rahimova",
      "U12345678",
      "Caspian",
      "müqavilə",
      "1990-05-17",
      applicant.userId,
    ]) {
      expect(history).not.toContain(personal);
    }
    const [row] = await queryRows<{
      answers: Record<string, unknown>;
      documents: unknown[];
      state: string;
      outcome: string;
      applicant_user_id: string | null;
      decision: Record<string, unknown>;
    }>(
      cases.db,
      sql`select answers, documents, state, outcome, applicant_user_id, decision from cases where id = ${decided.id}::uuid`,
    );
    expect(row).toMatchObject({
      state: "decided",
      outcome: "approved",
      documents: [],
      applicant_user_id: null,
    });
    expect(row?.decision).toMatchObject({
      reasons: "",
      documentNumber: null,
      verificationCode: null,
      validTo,
    });
    expect(row?.answers).toEqual({ citizenship: "TR", birthDate: "1990-05-01" });
    for (const documentId of filesBefore) await expect(documents.readDocument(documentId)).rejects.toThrow();
    const audit = (await auditOf(decided.id)).filter((one) => one.action === "privacy.case_anonymised");
    expect(audit).toEqual([
      {
        action: "privacy.case_anonymised",
        details: { kind: "closedCases", rule: "closedCases.default=5", documents: 2 },
      },
    ]);

    // The statistics still count the case, as its own anonymous person; a rebuild agrees.
    await catchUpStatistics(statistics);
    const [record] = await personKeys();
    expect(record).toEqual({ person_key: `case:${decided.id}`, birth_date: "1990-05-01", citizenship: "TR" });
    const cubes = await cubeSnapshot(cases.db);
    await rebuildStatistics(statistics);
    expect(await cubeSnapshot(cases.db)).toBe(cubes);

    // Once is enough.
    expect(await expire()).toMatchObject({ casesAnonymised: 0 });
  });
});

describe("documents kept for less time than their case", () => {
  it("removes the files of a finished case first, leaving the case, then anonymises it in its time", async () => {
    const cases = app.karvan.cases;
    // Submitting counts days in the legal calendar, which covers the years around now only.
    goTo(Date.parse("2026-06-01T08:00:00Z"));
    let withdrawn = await submittedCase(cases, app.config, applicant, {}, "retention-sample");
    withdrawn = await transitionCase(
      contextOf(cases, applicant),
      withdrawn.id,
      withdrawn.lastSeq,
      "withdraw",
      {},
    );
    expect(withdrawn.category).toBe("closed");
    const files = withdrawn.documents.map((document) => document.documentId);
    const rules = app.karvan.retention.rules;
    const services = {
      ...app.karvan.retention,
      rules: { ...rules, documents: { ...rules.documents, removeAfterYears: 1 } },
    };

    goTo(Date.parse(withdrawn.updatedAt) + 366 * dayMs);
    expect(await expireRecords(services, { dryRun: false })).toMatchObject({
      caseDocumentsRemoved: 1,
      casesAnonymised: 0,
    });
    for (const documentId of files) await expect(documents.readDocument(documentId)).rejects.toThrow();
    const [row] = await queryRows<{ answers: Record<string, unknown>; documents: unknown[] }>(
      cases.db,
      sql`select answers, documents from cases where id = ${withdrawn.id}::uuid`,
    );
    expect(row?.documents).toEqual([]);
    expect(row?.answers.fullName).toBe("Amina Rahimova");
    expect(await expireRecords(services, { dryRun: false })).toMatchObject({ caseDocumentsRemoved: 0 });

    // The command line previews the same run; five years on, the case itself is due.
    goTo(Date.parse(withdrawn.updatedAt) + (5 * 366 + 1) * dayMs);
    const preview = await runExpiry(app.database, app.config, true, clock);
    expect(preview).toMatchObject({ dryRun: true, casesAnonymised: 1 });
    expect(await expireRecords(services, { dryRun: false })).toMatchObject({ casesAnonymised: 1 });
  });
});

describe("the data-protection officer's pages", () => {
  it("show what expires within a month by rule, and the record of processing from the configuration", async () => {
    // A draft changed two days ago is removed within the month (30 days).
    const drafts = async () =>
      (await forecastExpiry(app.karvan.retention)).lines.find((line) => line.kind === "drafts")?.count;
    const draftsBefore = (await drafts()) ?? 0;
    await draftWithDocument();
    goTo(clock.now().getTime() + 2 * dayMs);
    expect(await drafts()).toBe(draftsBefore + 1);

    const staff = await signInNewStaff(app.database.db, clock, app.client(), {
      email: "dpo@karvan.example",
      fullName: "Data Officer",
      agency: "SMS",
      roles: ["data_protection_officer"],
    });
    const report = await staff.browser.get("/privacy/retention");
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain("What retention removes next");
    expect(report.body).toContain("Decided and closed cases");
    expect(report.body).toContain("closedCases.byProcedure.stay-registration");
    expect(report.body).toContain("To be set");
    expect(report.body).toContain("Law of the Republic of Azerbaijan No. 998-IIIQ");
    expect(report.body).toContain("consultationCommenters.removeAfterMonths");

    const record = await staff.browser.get("/privacy/processing-record");
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain("Record of processing activities");
    expect(record.body).toContain("Passport number");
    // The work permit's labour-market opinion goes to the employment service, with named answers.
    expect(record.body).toContain("State Employment Agency");
    expect(record.body).toContain("Audit trail");
    expect(record.body).toContain("removed 12 months after the consultation closed");

    const officer = await signInNewStaff(app.database.db, clock, app.client(), {
      email: "officer@karvan.example",
      fullName: "Case Officer",
      agency: "SMS",
      roles: ["case_officer"],
    });
    expect((await officer.browser.get("/privacy/retention")).statusCode).toBe(403);
    expect((await officer.browser.get("/privacy/processing-record")).statusCode).toBe(403);
  });
});
