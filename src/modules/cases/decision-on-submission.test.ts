import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { loadLegalCalendars } from "../../platform/calendar/index.js";
import { ManualClock } from "../../platform/clock/index.js";
import { queryRows } from "../../platform/db/index.js";
import type { Principal } from "../access/index.js";
import type { CasesContext } from "./cases-context.js";
import { type CaseTypeInput, defineCaseType } from "./definition/case-type.js";
import { CaseTypeRegistry, InvalidCaseTypeError } from "./definition/registry.js";
import { calendarDeadlineClock } from "./engine/calendar-deadline-clock.js";
import { loadCaseState } from "./engine/projection-repository.js";
import { rebuildCaseProjections } from "./operations/rebuild-projections.js";
import { saveAnswers } from "./operations/save-answers.js";
import { startApplication } from "./operations/start-application.js";
import { submitApplication } from "./operations/submit-application.js";

const t = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });

/** A registration the law makes on notification: no officer, decided as it is submitted. */
const sampleRegistration = defineCaseType({
  code: "sample-registration",
  version: 1,
  numberPrefix: "SRG",
  name: t("Sample registration"),
  summary: t("Registered on submission"),
  applicants: ["host"],
  responsibleAgency: "SMS",
  legalBasis: t("Test law, article 2"),
  fee: { amountMinor: 0, currency: "AZN" },
  form: [
    {
      id: "guest",
      title: t("Guest"),
      fields: [
        { name: "guestName", kind: "text", label: t("Name") },
        { name: "departureDate", kind: "date", when: "future", label: t("Leaves on") },
      ],
    },
  ],
  states: {
    draft: { category: "draft", label: t("Draft") },
    registered: { category: "decided", label: t("Registered") },
    annulled: { category: "closed", label: t("Annulled") },
  },
  initialState: "draft",
  submittedState: "registered",
  transitions: [
    { name: "annul", label: t("Annul"), from: ["registered"], to: "annulled", allowed: "cases.process" },
  ],
  outcomes: [
    {
      code: "registered",
      label: t("Registered"),
      issuesDocument: true,
      validityMonths: 3,
      validUntilAnswer: "departureDate",
    },
  ],
  decisionOnSubmission: { outcome: "registered", reasons: t("Registered on notification") },
});

const registry = new CaseTypeRegistry([sampleRegistration]);
const deadlines = calendarDeadlineClock(loadLegalCalendars().of("AZ"));
const clock = new ManualClock("2026-02-02T06:00:00Z");
let database: TestDatabase;

const host: Principal = {
  userId: "00000000-0000-4000-8000-000000000071",
  email: "host@example.org",
  fullName: "Hotel Caspian",
  kind: "public",
  agencyId: null,
  roles: [],
  permissions: new Set(["portal.register_guests"]),
  locale: "en",
};
const as = (principal: Principal): CasesContext => ({
  db: database.db,
  clock,
  registry,
  deadlines,
  principal,
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("a case type decided on submission", () => {
  it("is decided and its document issued by the system, in the same change as the submission", async () => {
    let state = await startApplication(as(host), "sample-registration");
    state = await saveAnswers(as(host), state.id, state.lastSeq, "guest", {
      guestName: "Amina Rahimova",
      departureDate: "2026-03-15",
    });
    state = await submitApplication(as(host), state.id);

    expect(state).toMatchObject({ state: "registered", category: "decided", deadlineDate: null });
    expect(state.decidedAt).toBe(state.submittedAt);
    expect(state.decision).toMatchObject({
      outcome: "registered",
      reasons: "Registered on notification (az)",
      draftedBy: null,
      issued: true,
      validFrom: "2026-02-02",
      // Until the guest leaves, within the three months the outcome allows at most.
      validTo: "2026-03-15",
    });
    expect(state.decision?.documentNumber).toMatch(/^SRGP-2026-\d{6}$/);
    expect(state.decision?.verificationCode).toMatch(/^[A-Z0-9_-]{8,}$/);

    const events = await queryRows<{ type: string; actor_type: string; actor_id: string | null }>(
      database.db,
      sql`select type, actor_type, actor_id from case_events where case_id = ${state.id} order by seq`,
    );
    expect(events.slice(-3)).toEqual([
      { type: "case.submitted", actor_type: "user", actor_id: host.userId },
      { type: "case.decision_drafted", actor_type: "system", actor_id: null },
      { type: "case.decision_issued", actor_type: "system", actor_id: null },
    ]);
    const projected = await queryRows<{ outcome: string | null; category: string }>(
      database.db,
      sql`select outcome, category from cases where id = ${state.id}`,
    );
    expect(projected).toEqual([{ outcome: "registered", category: "decided" }]);

    await rebuildCaseProjections(database.db, registry, deadlines);
    expect(await loadCaseState(database.db, state.id)).toEqual(state);

    let longStay = await startApplication(as(host), "sample-registration");
    longStay = await saveAnswers(as(host), longStay.id, longStay.lastSeq, "guest", {
      guestName: "Li Wei",
      departureDate: "2026-12-31",
    });
    longStay = await submitApplication(as(host), longStay.id);
    expect(longStay.decision).toMatchObject({ validFrom: "2026-02-02", validTo: "2026-05-01" });
  });

  it("refuses a definition whose decided submitted state has no outcome, or whose outcome is unknown", () => {
    const { decisionOnSubmission: _dropped, ...withoutDecision } = sampleRegistration;
    expect(() => new CaseTypeRegistry([withoutDecision as CaseTypeInput])).toThrow(InvalidCaseTypeError);
    expect(
      () =>
        new CaseTypeRegistry([
          { ...sampleRegistration, decisionOnSubmission: { outcome: "granted", reasons: t("x") } },
        ]),
    ).toThrow(/unknown outcome granted/);
    expect(() => new CaseTypeRegistry([{ ...sampleRegistration, submittedState: "annulled" }])).toThrow(
      /category decided/,
    );
    expect(
      () =>
        new CaseTypeRegistry([
          {
            ...sampleRegistration,
            outcomes: [
              { code: "registered", label: t("R"), issuesDocument: true, validUntilAnswer: "guestName" },
            ],
          },
        ]),
    ).toThrow(/guestName is not a date question/);
  });
});
