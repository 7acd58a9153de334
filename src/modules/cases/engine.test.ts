import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { loadLegalCalendars } from "../../platform/calendar/index.js";
import { ManualClock } from "../../platform/clock/index.js";
import { queryRows } from "../../platform/db/index.js";
import { findAgencyByCode, type Permission, type Principal } from "../access/index.js";
import type { CasesContext } from "./cases-context.js";
import { CaseTypeRegistry } from "./definition/registry.js";
import { calendarDeadlineClock } from "./engine/calendar-deadline-clock.js";
import { requestHash } from "./engine/idempotency.js";
import { loadCaseState } from "./engine/projection-repository.js";
import { addNote } from "./operations/add-note.js";
import { claimCase } from "./operations/assign-case.js";
import { attachDocument } from "./operations/attach-document.js";
import { completeTask } from "./operations/complete-task.js";
import { chooseExpressTier, recordFeePayment } from "./operations/pay-fee.js";
import { rebuildCaseProjections } from "./operations/rebuild-projections.js";
import { saveAnswers } from "./operations/save-answers.js";
import { startApplication } from "./operations/start-application.js";
import { submitApplication } from "./operations/submit-application.js";
import { transitionCase } from "./operations/transition-case.js";
import { samplePermit } from "./test-support/sample-case-type.js";

const registry = new CaseTypeRegistry([samplePermit]);
const deadlines = calendarDeadlineClock(loadLegalCalendars().of("AZ"));

let database: TestDatabase;
let sms: string;
let labour: string;
const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday 10:00 in Baku

function principal(
  id: string,
  kind: "public" | "staff",
  permissions: Permission[],
  agencyId: string | null,
): Principal {
  return {
    userId: id,
    email: `${id.slice(-4)}@example.org`,
    fullName: `Person ${id.slice(-4)}`,
    kind,
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
let applicant: Principal;
let otherApplicant: Principal;
let officer: Principal;
let approver: Principal;
let employmentOfficer: Principal;
let foreignOfficer: Principal;

function as(who: Principal): CasesContext {
  return {
    db: database.db,
    clock,
    registry,
    deadlines,
    principal: who,
    ip: "203.0.113.1",
    requestId: "test",
  };
}

const passport = {
  documentId: uuid(900),
  mediaType: "application/pdf",
  size: 1000,
  sha256: "a".repeat(64),
  fileName: "passport.pdf",
};
const contract = { ...passport, documentId: uuid(901), fileName: "contract.pdf" };

async function preparedApplication(who: Principal = applicant) {
  let state = await startApplication(as(who), "sample-permit");
  state = await saveAnswers(as(who), state.id, state.lastSeq, "about-you", {
    fullName: "Amina Rahimova",
    birthDate: "1990-05-17",
    citizenship: "tr",
  });
  state = await saveAnswers(as(who), state.id, state.lastSeq, "ground", {
    ground: "work",
    employer: "Caspian LLC",
  });
  state = await attachDocument(as(who), state.id, "passport", passport);
  state = await attachDocument(as(who), state.id, "employment-contract", contract);
  return state;
}

beforeAll(async () => {
  database = await createTestDatabase();
  sms = (await findAgencyByCode(database.db, "SMS"))?.id as string;
  labour = (await findAgencyByCode(database.db, "MLSPP-DOST"))?.id as string;
  const ganja = (await findAgencyByCode(database.db, "SMS-GANJA"))?.id as string;
  applicant = principal(uuid(1), "public", ["portal.apply"], null);
  otherApplicant = principal(uuid(2), "public", ["portal.apply"], null);
  officer = principal(uuid(3), "staff", ["cases.read", "cases.process"], sms);
  approver = principal(uuid(4), "staff", ["cases.read", "cases.approve", "cases.process"], sms);
  employmentOfficer = principal(uuid(5), "staff", ["cases.read", "labour.opinion"], labour);
  foreignOfficer = principal(uuid(6), "staff", ["cases.read", "cases.process"], ganja);
});
afterAll(async () => {
  await database.destroy();
});

describe("the case engine", () => {
  it("runs a permit from the form to an issued document, with legal time, a pause, a task and four eyes", async () => {
    let state = await preparedApplication();
    expect(state.number).toMatch(/^SMP-2026-\d{6}$/);
    expect(state.category).toBe("draft");

    await expect(submitApplication(as(applicant), state.id)).rejects.toMatchObject({ code: "fee_unpaid" });
    state = await recordFeePayment(as(applicant), state.id, { paymentId: "pay-1", amountMinor: 3000 });
    state = await submitApplication(as(applicant), state.id);
    expect(state).toMatchObject({ state: "submitted", category: "open", legalStartDate: "2026-02-02" });
    // 20 working days from Monday 2 February 2026: no holidays in February, so Monday 2 March.
    expect(state.deadlineDate).toBe("2026-03-02");

    state = await claimCase(as(officer), state.id);
    state = await transitionCase(as(officer), state.id, state.lastSeq, "start-review");
    expect(state.tasks).toHaveLength(1);
    expect(state.tasks[0]).toMatchObject({ code: "labour-market-opinion", agencyId: labour, status: "open" });

    // Asking for a document stops the clock; answering starts it again, later by the days it waited.
    clock.set("2026-02-04T06:00:00Z");
    state = await transitionCase(as(officer), state.id, state.lastSeq, "request-documents", {
      documentCodes: ["passport"],
      message: "The passport copy is unreadable.",
    });
    expect(state).toMatchObject({ state: "awaiting-documents", category: "waiting", deadlineDate: null });
    clock.set("2026-02-09T06:00:00Z");
    state = await attachDocument(as(applicant), state.id, "passport", { ...passport, documentId: uuid(902) });
    state = await transitionCase(as(applicant), state.id, state.lastSeq, "provide-documents", {
      message: "New copy",
    });
    expect(state.state).toBe("in-review");
    // Paused from Wednesday 4 to Monday 9 February: three working days (5, 6, 9) added.
    expect(state.deadlineDate).toBe("2026-03-05");
    expect(state.tasks).toHaveLength(1);

    await expect(
      transitionCase(as(officer), state.id, state.lastSeq, "draft-decision", {
        outcome: "approved",
        reasons: "All met",
      }),
    ).rejects.toMatchObject({ code: "guard_mandatoryTasksDone" });
    state = await completeTask(
      as(employmentOfficer),
      state.id,
      state.tasks[0]?.taskId as string,
      "positive",
      "No local candidates",
    );
    state = await transitionCase(as(officer), state.id, state.lastSeq, "draft-decision", {
      outcome: "approved",
      reasons: "All conditions of article 1 are met.",
    });
    await expect(transitionCase(as(officer), state.id, state.lastSeq, "approve")).rejects.toMatchObject({
      status: 403,
    });
    const draftedBy = state.decision?.draftedBy;
    expect(draftedBy).toBe(officer.userId);
    const selfApproval = as({ ...approver, userId: officer.userId });
    await expect(transitionCase(selfApproval, state.id, state.lastSeq, "approve")).rejects.toMatchObject({
      code: "guard_fourEyes",
    });
    state = await transitionCase(as(approver), state.id, state.lastSeq, "approve");
    state = await transitionCase(as(officer), state.id, state.lastSeq, "issue");
    expect(state.category).toBe("decided");
    expect(state.decision).toMatchObject({
      outcome: "approved",
      issued: true,
      validFrom: "2026-02-09",
      validTo: "2027-02-08",
    });
    expect(state.decision?.documentNumber).toMatch(/^SMPP-2026-\d{6}$/);
    expect(state.decision?.verificationCode).toMatch(/^[A-Z0-9_-]{8,}$/);
  });

  it("shortens the legal time for a paid express tier", async () => {
    let state = await preparedApplication();
    state = await chooseExpressTier(as(applicant), state.id, "express-15");
    await expect(
      recordFeePayment(as(applicant), state.id, { paymentId: "p", amountMinor: 3000 }),
    ).rejects.toMatchObject({
      code: "payment_amount",
    });
    state = await recordFeePayment(as(applicant), state.id, { paymentId: "p", amountMinor: 9000 });
    clock.set("2026-03-16T06:00:00Z"); // Monday before Novruz and Ramadan Bayram
    state = await submitApplication(as(applicant), state.id);
    const calendar = loadLegalCalendars().of("AZ");
    expect(state.deadlineDate).toBe(calendar.addWorkingDays("2026-03-16", 15));
    expect(calendar.workingDaysBetween("2026-03-16", state.deadlineDate as string)).toBe(15);
  });

  it("refuses people who may not act, and audits each refusal", async () => {
    const state = await preparedApplication();
    await expect(
      saveAnswers(as(otherApplicant), state.id, undefined, "ground", { ground: "family" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      saveAnswers(as(officer), state.id, undefined, "ground", { ground: "family" }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await recordFeePayment(as(applicant), state.id, { paymentId: "x", amountMinor: 3000 });
    const submitted = await submitApplication(as(applicant), state.id);
    await expect(claimCase(as(foreignOfficer), submitted.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      transitionCase(as(applicant), submitted.id, undefined, "start-review"),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(addNote(as(employmentOfficer), submitted.id, "curious")).rejects.toMatchObject({
      status: 404,
    });
    const refusals = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from audit_records where action = 'access.denied' and entity_id = ${state.id}`,
    );
    expect(refusals[0]?.count).toBe(5);
  });

  it("rejects incomplete answers with a problem per field, and drops answers to questions that no longer apply", async () => {
    const state = await startApplication(as(applicant), "sample-permit");
    await expect(
      saveAnswers(as(applicant), state.id, undefined, "about-you", {
        fullName: "",
        birthDate: "2099-01-01",
        citizenship: "XX",
      }),
    ).rejects.toMatchObject({
      code: "answers_invalid",
      details: {
        problems: [
          { field: "fullName", messageKey: "cases.answers.required" },
          { field: "birthDate", messageKey: "cases.answers.datePast" },
          { field: "citizenship", messageKey: "cases.answers.country" },
        ],
      },
    });
    const saved = await saveAnswers(as(applicant), state.id, undefined, "ground", {
      ground: "family",
      employer: "ignored",
    });
    expect(saved.answers).toEqual({ ground: "family" });
  });

  it("lets only one of two officers acting on the same version win; the other is told to reload", async () => {
    let state = await preparedApplication();
    await recordFeePayment(as(applicant), state.id, { paymentId: "y", amountMinor: 3000 });
    state = await submitApplication(as(applicant), state.id);
    const seen = state.lastSeq;
    const results = await Promise.allSettled([
      transitionCase(as(officer), state.id, seen, "start-review"),
      transitionCase(as(approver), state.id, seen, "start-review"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ status: 409, code: "case_changed" });
    const events = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from case_events where case_id = ${state.id} and type = 'case.transitioned'`,
    );
    expect(events[0]?.count).toBe(1);
  });

  it("submits once for one idempotency key, refuses the key for another request, and 409s while in flight", async () => {
    let state = await preparedApplication();
    state = await recordFeePayment(as(applicant), state.id, { paymentId: "z", amountMinor: 3000 });
    const first = await submitApplication(as(applicant), state.id, { idempotencyKey: "submit-1" });
    const again = await submitApplication(as(applicant), state.id, { idempotencyKey: "submit-1" });
    expect(again.id).toBe(first.id);
    expect(again.lastSeq).toBe(first.lastSeq);
    await expect(submitApplication(as(applicant), state.id)).rejects.toMatchObject({
      status: 409,
      code: "case_submitted",
    });

    const other = await preparedApplication();
    await expect(
      submitApplication(as(applicant), other.id, { idempotencyKey: "submit-1" }),
    ).rejects.toMatchObject({
      status: 422,
      code: "idempotency_key_reused",
    });
    await database.db.execute(
      sql`insert into case_idempotency_keys (owner_id, key, request_hash, status, created_at)
          values (${applicant.userId}, 'busy', ${requestHash({ submit: other.id })}, 'in_flight', ${clock.now().toISOString()})`,
    );
    await expect(
      submitApplication(as(applicant), other.id, { idempotencyKey: "busy" }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it("rebuilds every projection from the events identically", async () => {
    const ids = await queryRows<{ id: string }>(database.db, sql`select id from cases order by id`);
    expect(ids.length).toBeGreaterThan(5);
    const before = await Promise.all(ids.map(({ id }) => loadCaseState(database.db, id)));
    const rebuilt = await rebuildCaseProjections(database.db, registry, deadlines);
    expect(rebuilt).toBe(ids.length);
    const after = await Promise.all(ids.map(({ id }) => loadCaseState(database.db, id)));
    expect(after).toEqual(before);
  });
});
